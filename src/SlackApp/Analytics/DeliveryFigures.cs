namespace SlackApp.Analytics;

/// <summary>
/// What became of the items sent in one window (a signal per recipient; snooze reminders and tests left out): how many
/// were acknowledged and how fast, called not relevant, snoozed, escalated. Counts copies, as acknowledgements do.
/// </summary>
public sealed record DeliveryFigures
{
    public static readonly DeliveryFigures None = new();

    public long Sent { get; init; }

    public long Acknowledged { get; init; }

    /// <summary>The median of acknowledged_at − sent_at over the acknowledged copies; null when none was.</summary>
    public TimeSpan? MedianTimeToAcknowledge { get; init; }

    public long NotRelevant { get; init; }

    public long Snoozed { get; init; }

    public long Escalated { get; init; }

    /// <summary>Whole percent of <see cref="Sent"/>, or null when nothing was sent (no 0 of 0 shown as 0 %).</summary>
    public static int? Percent(long part, long sent) => sent == 0 ? null : (int)Math.Round(part * 100.0 / sent, MidpointRounding.AwayFromZero);

    public int? AcknowledgedPercent => Percent(Acknowledged, Sent);

    public int? NotRelevantPercent => Percent(NotRelevant, Sent);
}

/// <summary>One workflow's (or the whole workspace's) figures over the last 7 and the last 30 days.</summary>
public sealed record AnalyticsWindows(DeliveryFigures Last7Days, DeliveryFigures Last30Days)
{
    public static readonly AnalyticsWindows None = new(DeliveryFigures.None, DeliveryFigures.None);
}

/// <summary>The Home tab's analytics of one workspace: its totals, each workflow's, and the unmatched owner emails seen.</summary>
public sealed record HomeAnalytics
{
    public AnalyticsWindows Workspace { get; init; } = AnalyticsWindows.None;

    /// <summary>By workflow id; a workflow that sent nothing in 30 days has no entry. Old items without a workflow count only in <see cref="Workspace"/>.</summary>
    public IReadOnlyDictionary<long, AnalyticsWindows> ByWorkflow { get; init; } = new Dictionary<long, AnalyticsWindows>();

    /// <summary>Distinct owner emails that found nobody in Slack and were last seen within 7 days (still unmapped).</summary>
    public long UnmatchedOwnersLast7Days { get; init; }

    public long UnmatchedOwnersLast30Days { get; init; }

    public AnalyticsWindows For(long workflowId) => ByWorkflow.GetValueOrDefault(workflowId) ?? AnalyticsWindows.None;
}
