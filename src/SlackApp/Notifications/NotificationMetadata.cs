using SlackApp.Slack.WebApi;

namespace SlackApp.Notifications;

/// <summary>
/// The message metadata every notification is posted with: its delivery id, so that a message Slack got twice
/// (its answer was lost and the row was retried) can be told apart and traced back to its outbox row.
/// </summary>
public static class NotificationMetadata
{
    public const string EventType = "usergems_notification";

    public const string DeliveryIdKey = "delivery_id";

    /// <summary>The <c>chat.postMessage</c> options of delivery <paramref name="deliveryId"/>.</summary>
    public static PostMessageOptions PostOptions(long deliveryId) => new()
    {
        Metadata = new MessageMetadata(EventType, new Dictionary<string, object?>(StringComparer.Ordinal) { [DeliveryIdKey] = deliveryId }),
    };
}
