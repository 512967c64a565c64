namespace SlackApp.Analytics;

/// <summary>One group of sent items as the repository reads it: a workflow (null on old rows), a window bucket, counts.</summary>
public sealed record DeliveryCountRow
{
    public long? WorkflowId { get; init; }

    /// <summary>1 when the items were sent within the last 7 days, 0 for the rest of the 30.</summary>
    public long InLast7Days { get; init; }

    public long Sent { get; init; }
    public long Acknowledged { get; init; }
    public long NotRelevant { get; init; }
    public long Snoozed { get; init; }
    public long Escalated { get; init; }
}

/// <summary>One acknowledged item: its workflow, window bucket and seconds from sent to acknowledged.</summary>
public sealed record AcknowledgementRow
{
    public long? WorkflowId { get; init; }
    public long InLast7Days { get; init; }
    public long Seconds { get; init; }
}

/// <summary>Adds the repository's rows up into <see cref="HomeAnalytics"/>. Pure.</summary>
public static class DeliveryAnalyticsTally
{
    public static HomeAnalytics Tally(IReadOnlyCollection<DeliveryCountRow> counts, IReadOnlyCollection<AcknowledgementRow> acknowledgements, long unmatched7, long unmatched30)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(acknowledgements);
        // Grouped once, so a page of workflows costs one pass over the acknowledgements, not one per workflow.
        var acksByWorkflow = acknowledgements.Where(a => a.WorkflowId is not null).ToLookup(a => a.WorkflowId!.Value);
        var byWorkflow = counts.Where(c => c.WorkflowId is not null).GroupBy(c => c.WorkflowId!.Value)
            .ToDictionary(g => g.Key, g => Windows(g, acksByWorkflow[g.Key]));
        return new HomeAnalytics
        {
            Workspace = Windows(counts, acknowledgements),
            ByWorkflow = byWorkflow,
            UnmatchedOwnersLast7Days = unmatched7,
            UnmatchedOwnersLast30Days = unmatched30,
        };
    }

    /// <summary>
    /// The median of <paramref name="seconds"/>: the middle one, or the mean of the two middle ones for an even count;
    /// null for none. Negative durations are left out: a copy acknowledged on another copy before it went out itself
    /// (it was held) says nothing about how fast anyone answered.
    /// </summary>
    public static TimeSpan? Median(IEnumerable<long> seconds)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        var sorted = seconds.Where(s => s >= 0).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return TimeSpan.FromSeconds(median);
    }

    private static AnalyticsWindows Windows(IEnumerable<DeliveryCountRow> counts, IEnumerable<AcknowledgementRow> acknowledgements)
    {
        var countList = counts.ToList();
        var ackList = acknowledgements.ToList();
        return new AnalyticsWindows(
            Figures(countList.Where(c => c.InLast7Days == 1), ackList.Where(a => a.InLast7Days == 1)),
            Figures(countList, ackList));
    }

    private static DeliveryFigures Figures(IEnumerable<DeliveryCountRow> counts, IEnumerable<AcknowledgementRow> acknowledgements)
    {
        var list = counts.ToList();
        return new DeliveryFigures
        {
            Sent = list.Sum(c => c.Sent),
            Acknowledged = list.Sum(c => c.Acknowledged),
            NotRelevant = list.Sum(c => c.NotRelevant),
            Snoozed = list.Sum(c => c.Snoozed),
            Escalated = list.Sum(c => c.Escalated),
            MedianTimeToAcknowledge = Median(acknowledgements.Select(a => a.Seconds)),
        };
    }
}
