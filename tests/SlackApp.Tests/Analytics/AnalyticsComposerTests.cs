using SlackApp.Analytics;
using SlackApp.Slack.Blocks;

namespace SlackApp.Tests.Analytics;

/// <summary><see cref="AnalyticsComposer"/>: the Home tab's analytics text, compact and without 0-of-0 percentages.</summary>
public sealed class AnalyticsComposerTests
{
    private static readonly DeliveryFigures Week = new()
    {
        Sent = 120,
        Acknowledged = 77,
        MedianTimeToAcknowledge = TimeSpan.FromHours(2),
        NotRelevant = 6,
        Snoozed = 8,
        Escalated = 2,
    };

    [Fact]
    public void The_workspace_line_says_every_figure()
    {
        Assert.Equal(
            "120 sent · 64% acknowledged (median 2 h) · 5% not relevant · 8 snoozed · 2 escalated · 3 unmatched owners",
            AnalyticsComposer.WorkspaceLine(Week, 3));
    }

    [Fact]
    public void With_nothing_sent_the_workspace_line_shows_no_percentages()
    {
        Assert.Equal("0 sent · 0 snoozed · 0 escalated · 1 unmatched owner", AnalyticsComposer.WorkspaceLine(DeliveryFigures.None, 1));
    }

    [Fact]
    public void The_workspace_block_has_the_7_and_30_day_lines()
    {
        var month = Week with { Sent = 1234, Acknowledged = 617, MedianTimeToAcknowledge = TimeSpan.FromMinutes(150) };
        var block = Assert.IsType<SectionBlock>(AnalyticsComposer.WorkspaceBlock(new HomeAnalytics
        {
            Workspace = new AnalyticsWindows(Week, month),
            UnmatchedOwnersLast7Days = 3,
            UnmatchedOwnersLast30Days = 4,
        }));

        Assert.Equal(AnalyticsComposer.BlockId, block.BlockId);
        Assert.Equal(
            "*Analytics* (admins and managers)\n" +
            "Last 7 days: 120 sent · 64% acknowledged (median 2 h) · 5% not relevant · 8 snoozed · 2 escalated · 3 unmatched owners\n" +
            "Last 30 days: 1,234 sent · 50% acknowledged (median 2.5 h) · 0% not relevant · 8 snoozed · 2 escalated · 4 unmatched owners",
            block.Text!.Text);
    }

    [Fact]
    public void A_workflow_gets_its_7_day_rates_and_its_30_day_total_leaving_out_zero_counts()
    {
        var week = new DeliveryFigures { Sent = 10, Acknowledged = 6, MedianTimeToAcknowledge = TimeSpan.FromMinutes(14), Snoozed = 1 };
        var month = new DeliveryFigures { Sent = 40, Acknowledged = 20, MedianTimeToAcknowledge = TimeSpan.FromHours(26), NotRelevant = 4 };

        Assert.Equal(
            "60% acknowledged (median 14 min) · 1 snoozed · 30 days: 40 sent, 50% acknowledged (median 26 h)",
            AnalyticsComposer.WorkflowText(new AnalyticsWindows(week, month)));
    }

    [Fact]
    public void A_workflow_quiet_for_7_days_says_so_and_one_quiet_for_30_days_gets_nothing()
    {
        var month = new DeliveryFigures { Sent = 3 };

        Assert.Equal("none sent in 7 days · 30 days: 3 sent, 0% acknowledged", AnalyticsComposer.WorkflowText(new AnalyticsWindows(DeliveryFigures.None, month)));
        Assert.Null(AnalyticsComposer.WorkflowText(AnalyticsWindows.None));
    }

    [Theory]
    [InlineData(30, "under 1 min")]
    [InlineData(89, "1 min")]
    [InlineData(59 * 60, "59 min")]
    [InlineData(90 * 60, "1.5 h")]
    [InlineData(14 * 3600, "14 h")]
    [InlineData(60 * 3600, "2.5 d")]
    public void Durations_read_as_a_person_would_say_them(int seconds, string expected)
    {
        Assert.Equal(expected, AnalyticsComposer.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
