using SlackApp.Data;

namespace SlackApp.Notifications;

/// <summary>Wakes the delivery worker right after new outbox rows were committed.</summary>
public sealed class NotificationDeliveryTrigger : WorkerWakeUp;
