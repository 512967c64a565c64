using System.Globalization;
using SlackApp.Slack.Blocks;

namespace SlackApp.Analytics;

/// <summary>
/// Draws the analytics for the Home tab, compactly: one block for the workspace, and per workflow a text to sit in the
/// workflow's existing activity block (a block more per workflow would pass Slack's 100 at 30 workflows a page). Pure.
/// </summary>
public static class AnalyticsComposer
{
    public const string BlockId = "home.analytics";

    /// <summary>The workspace's block: a title and one line each for the last 7 and the last 30 days.</summary>
    public static Block WorkspaceBlock(HomeAnalytics analytics)
    {
        ArgumentNullException.ThrowIfNull(analytics);
        var text = "*Analytics* (admins and managers)\n" +
                   "Last 7 days: " + WorkspaceLine(analytics.Workspace.Last7Days, analytics.UnmatchedOwnersLast7Days) + "\n" +
                   "Last 30 days: " + WorkspaceLine(analytics.Workspace.Last30Days, analytics.UnmatchedOwnersLast30Days);
        return new SectionBlock { BlockId = BlockId, Text = new MarkdownText(text) };
    }

    /// <summary>
    /// E.g. "120 sent · 64% acknowledged (median 2 h) · 5% not relevant · 8 snoozed · 2 escalated · 3 unmatched owners";
    /// with nothing sent, no percentages (0 of 0 is not 0 %).
    /// </summary>
    public static string WorkspaceLine(DeliveryFigures figures, long unmatchedOwners)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var parts = new List<string>(Parts(figures, showZeroCounts: true))
        {
            $"{Number(unmatchedOwners)} unmatched {(unmatchedOwners == 1 ? "owner" : "owners")}",
        };
        return string.Join(" · ", parts);
    }

    /// <summary>
    /// A workflow's figures for its activity block, e.g. "64% acknowledged (median 2 h) · 5% not relevant · 1 snoozed ·
    /// 30 days: 140 sent, 58% acknowledged (median 3 h)"; null when it sent nothing in 30 days. Its 7-day sent count is
    /// the activity line's; zero snoozed and escalated are left out to keep it short.
    /// </summary>
    public static string? WorkflowText(AnalyticsWindows windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Last30Days.Sent == 0)
        {
            return null;
        }

        var week = windows.Last7Days.Sent == 0 ? ["none sent in 7 days"] : Parts(windows.Last7Days, showZeroCounts: false).Skip(1);
        var month = Parts(windows.Last30Days, showZeroCounts: false).Take(2);
        return string.Join(" · ", week) + " · 30 days: " + string.Join(", ", month);
    }

    /// <summary>A duration as a person reads it: "under 1 min", "14 min", "2.5 h", "3 h", "1.5 d".</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 1 } => "under 1 min",
        { TotalHours: < 1 } => $"{Number((long)Math.Round(duration.TotalMinutes, MidpointRounding.AwayFromZero))} min",
        { TotalHours: < 48 } => $"{Decimal(duration.TotalHours)} h",
        _ => $"{Decimal(duration.TotalDays)} d",
    };

    private static IEnumerable<string> Parts(DeliveryFigures figures, bool showZeroCounts)
    {
        yield return $"{Number(figures.Sent)} sent";
        if (figures.AcknowledgedPercent is { } acknowledged)
        {
            var median = figures.MedianTimeToAcknowledge is { } m ? $" (median {Duration(m)})" : string.Empty;
            yield return $"{acknowledged.ToString(CultureInfo.InvariantCulture)}% acknowledged{median}";
        }

        if (figures.NotRelevantPercent is { } notRelevant && (showZeroCounts || figures.NotRelevant > 0))
        {
            yield return $"{notRelevant.ToString(CultureInfo.InvariantCulture)}% not relevant";
        }

        if (showZeroCounts || figures.Snoozed > 0)
        {
            yield return $"{Number(figures.Snoozed)} snoozed";
        }

        if (showZeroCounts || figures.Escalated > 0)
        {
            yield return $"{Number(figures.Escalated)} escalated";
        }
    }

    // One decimal under 10 ("2.5 h"), whole above ("14 h"): the figure is a rough median, not a stopwatch.
    private static string Decimal(double value) => value < 10
        ? Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture)
        : Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
