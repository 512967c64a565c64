namespace SlackApp.Notifications;

/// <summary>The states of an outbox row, as stored in <c>notification_deliveries.status</c>.</summary>
public static class DeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    public const string Pending = "pending";

    /// <summary>Handed to Slack; if the process dies now, Slack's answer is unknown and the row is sent again.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>Slack refused it (code in <c>last_error</c>) or transient failures ran out.</summary>
    public const string Failed = "failed";

    /// <summary>Nobody to send it to (reason in <c>error_detail</c>).</summary>
    public const string Undeliverable = "undeliverable";
}

/// <summary>Who a delivery goes to.</summary>
public enum RecipientKind
{
    /// <summary>A public or private channel id.</summary>
    Channel,

    /// <summary>A DM to a user id.</summary>
    User,

    /// <summary>An account role nobody could be found for, with no fallback channel: undeliverable.</summary>
    Role,
}
