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

    /// <summary>Held until <c>next_attempt_at</c> (a digest's time, quiet hours' end, the cap's next day; why in <c>held_reason</c>), then pending.</summary>
    public const string Held = "held";

    /// <summary>Not sent at all, on purpose (why in <c>suppressed_reason</c>), e.g. a duplicate within the window.</summary>
    public const string Suppressed = "suppressed";
}

/// <summary>Why an item was held before going out, as stored in <c>notification_deliveries.held_reason</c> (kept once sent).</summary>
public static class HoldReason
{
    /// <summary>Its workflow sends digests: it waited for the digest's time.</summary>
    public const string Digest = "digest";

    /// <summary>It fell in its reader's (or the workspace's) quiet hours.</summary>
    public const string QuietHours = "quiet_hours";

    /// <summary>Its recipient had reached the workflow's daily cap: it went into the next digest.</summary>
    public const string DailyCap = "daily_cap";

    /// <summary>A reminder: someone snoozed the signal until then.</summary>
    public const string Snooze = "snooze";
}

/// <summary>What a Slack message of the app carries, as stored in <c>notification_messages.kind</c>.</summary>
public static class MessageKind
{
    /// <summary>One item, in the full notification layout.</summary>
    public const string OneItem = "single";

    /// <summary>Several items, compact, grouped by account (a digest, or a burst folded into one message).</summary>
    public const string Digest = "digest";
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

    /// <summary>A snoozed item coming back to the person who snoozed it, by DM (a user id).</summary>
    Reminder,
}
