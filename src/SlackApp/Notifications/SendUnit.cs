namespace SlackApp.Notifications;

/// <summary>
/// What one Slack message sends: the claimed <paramref name="Leader"/> alone, or, with a
/// <paramref name="MessageId"/>, every item that message carries (<paramref name="Items"/> of them, the leader first).
/// </summary>
internal sealed record SendUnit(OutboxDelivery Leader, long? MessageId = null, int Items = 1);
