namespace SlackApp.Workflows;

/// <summary>How a workflow's notifications go out.</summary>
public enum DeliveryMode
{
    /// <summary>Each as it arrives (bursts are still folded into one message; see the delivery worker).</summary>
    Instant,

    /// <summary>Collected, and sent together every <see cref="WorkflowDelivery.DigestEvery"/>.</summary>
    Digest,

    /// <summary>Collected, and sent together once a day at <see cref="WorkflowDelivery.DailyAt"/>, in the reader's time zone.</summary>
    DailyDigest,
}

/// <summary>A workflow's delivery settings: its mode, the duplicate window, and the daily cap per recipient.</summary>
public sealed record WorkflowDelivery
{
    public static readonly TimeSpan MinDigestEvery = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxDigestEvery = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxDuplicateWindow = TimeSpan.FromDays(90);
    public const int MaxDailyCap = 500;
    public const int MaxEscalateAfterHours = 168;

    public static WorkflowDelivery Default { get; } = new();

    public DeliveryMode Mode { get; init; } = DeliveryMode.Instant;

    /// <summary>For <see cref="DeliveryMode.Digest"/>: how often, between 5 minutes and 24 hours.</summary>
    public TimeSpan DigestEvery { get; init; } = TimeSpan.FromHours(1);

    /// <summary>For <see cref="DeliveryMode.DailyDigest"/>: the time of day, in each DM reader's own time zone (the workspace's for channels).</summary>
    public TimeOnly DailyAt { get; init; } = new(9, 0);

    /// <summary>The same person at the same account is not sent to the same recipient again within it; null is off.</summary>
    public TimeSpan? DuplicateWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>At most this many items a day per recipient; the rest go into the next digest. Null is off.</summary>
    public int? DailyCap { get; init; }

    /// <summary>
    /// Escalation: when nobody acknowledged or claimed an item this many hours (1 to 168; the unit is a setting, for
    /// tests) after it was sent, its thread is reminded and <see cref="EscalateToUserId"/> and/or
    /// <see cref="EscalateToChannelId"/> are told, once. Null is off.
    /// </summary>
    public int? EscalateAfterHours { get; init; }

    public string? EscalateToUserId { get; init; }

    public string? EscalateToChannelId { get; init; }

    /// <summary>Whether escalation is on: a time and someone to tell.</summary>
    public bool Escalates => EscalateAfterHours is not null && (EscalateToUserId is not null || EscalateToChannelId is not null);
}
