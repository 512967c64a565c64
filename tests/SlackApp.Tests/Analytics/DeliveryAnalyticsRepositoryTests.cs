using SlackApp.Analytics;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Analytics;

/// <summary><see cref="DeliveryAnalyticsRepository"/>: the Home tab's figures over the stored items, on a fake clock.</summary>
public sealed class DeliveryAnalyticsRepositoryTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset Now => _db.Clock.GetUtcNow();

    [Fact]
    public async Task Items_sent_within_7_and_30_days_are_counted_per_workflow_and_for_the_workspace()
    {
        await AnalyticsRows.AddAsync(
            _db.Connections,
            Item(1, days: 1) with { AcknowledgedAfter = TimeSpan.FromMinutes(10) },
            Item(1, days: 6) with { NotRelevant = true },
            Item(1, days: 7, minutes: 1) with { Snoozed = true, AcknowledgedAfter = TimeSpan.FromHours(1) },
            Item(1, days: 29) with { Escalated = true },
            Item(1, days: 30, minutes: 1),
            Item(2, days: 2) with { Snoozed = true, Escalated = true },
            Item(null, days: 3));

        var analytics = await Repository().GetAsync(new Workspace("T1"), _ct);

        var first = analytics.For(1);
        Assert.Equal(new DeliveryFigures { Sent = 2, Acknowledged = 1, NotRelevant = 1, MedianTimeToAcknowledge = TimeSpan.FromMinutes(10) }, first.Last7Days);
        Assert.Equal(
            new DeliveryFigures { Sent = 4, Acknowledged = 2, NotRelevant = 1, Snoozed = 1, Escalated = 1, MedianTimeToAcknowledge = TimeSpan.FromMinutes(35) },
            first.Last30Days);
        Assert.Equal(1, analytics.For(2).Last7Days.Snoozed);
        Assert.Equal(1, analytics.For(2).Last7Days.Escalated);
        Assert.Equal(AnalyticsWindows.None, analytics.For(3));
        // Old items without a workflow count for the workspace.
        Assert.Equal(4, analytics.Workspace.Last7Days.Sent);
        Assert.Equal(6, analytics.Workspace.Last30Days.Sent);
        Assert.Equal(1, analytics.Workspace.Last7Days.Snoozed);
        Assert.Equal(2, analytics.Workspace.Last30Days.Escalated);
    }

    [Fact]
    public async Task Reminders_tests_and_items_not_sent_are_not_counted_as_sent()
    {
        await AnalyticsRows.AddAsync(
            _db.Connections,
            Item(1, days: 1) with { Kind = "reminder" },
            Item(1, days: 1) with { IsTest = true },
            Item(1, days: 1) with { Status = "held" },
            Item(1, days: 1) with { Status = "failed", AcknowledgedAfter = TimeSpan.FromMinutes(1) },
            Item(1, days: 1) with { Kind = "user" });

        var analytics = await Repository().GetAsync(new Workspace("T1"), _ct);

        Assert.Equal(1, analytics.For(1).Last7Days.Sent);
        Assert.Equal(0, analytics.For(1).Last30Days.Acknowledged);
        Assert.Null(analytics.For(1).Last30Days.MedianTimeToAcknowledge);
    }

    [Fact]
    public async Task The_median_time_to_acknowledge_is_the_middle_one_or_the_mean_of_the_two_middle_ones()
    {
        await AnalyticsRows.AddAsync(
            _db.Connections,
            Item(1, days: 1) with { AcknowledgedAfter = TimeSpan.FromMinutes(1) },
            Item(1, days: 1) with { AcknowledgedAfter = TimeSpan.FromMinutes(30) },
            Item(1, days: 1) with { AcknowledgedAfter = TimeSpan.FromHours(5) },
            Item(2, days: 1) with { AcknowledgedAfter = TimeSpan.FromMinutes(1) },
            Item(2, days: 1) with { AcknowledgedAfter = TimeSpan.FromMinutes(3) },
            Item(2, days: 1) with { AcknowledgedAfter = TimeSpan.FromMinutes(7) },
            Item(2, days: 1) with { AcknowledgedAfter = TimeSpan.FromDays(2) });

        var analytics = await Repository().GetAsync(new Workspace("T1"), _ct);

        Assert.Equal(TimeSpan.FromMinutes(30), analytics.For(1).Last7Days.MedianTimeToAcknowledge);
        Assert.Equal(TimeSpan.FromMinutes(5), analytics.For(2).Last7Days.MedianTimeToAcknowledge);
        // Seven durations together: 1, 1, 3, 7, 30 min, 5 h, 2 d.
        Assert.Equal(TimeSpan.FromMinutes(7), analytics.Workspace.Last7Days.MedianTimeToAcknowledge);
        Assert.Equal(100, analytics.Workspace.Last7Days.AcknowledgedPercent);
    }

    [Fact]
    public async Task A_copy_acknowledged_on_another_copy_before_it_went_out_counts_as_acknowledged_but_not_in_the_median()
    {
        await AnalyticsRows.AddAsync(
            _db.Connections,
            Item(1, days: 1) with { AcknowledgedAfter = TimeSpan.FromMinutes(-20) },
            Item(1, days: 1) with { AcknowledgedAfter = TimeSpan.FromMinutes(4) });

        var figures = (await Repository().GetAsync(new Workspace("T1"), _ct)).For(1).Last7Days;

        Assert.Equal(2, figures.Acknowledged);
        Assert.Equal(TimeSpan.FromMinutes(4), figures.MedianTimeToAcknowledge);
    }

    [Fact]
    public async Task Unmatched_owner_emails_are_counted_by_when_they_were_last_seen()
    {
        await AnalyticsRows.AddUnmatchedAsync(_db.Connections, "T1", "a@acme.test", Now.AddDays(-2));
        await AnalyticsRows.AddUnmatchedAsync(_db.Connections, "T1", "b@acme.test", Now.AddDays(-20));
        await AnalyticsRows.AddUnmatchedAsync(_db.Connections, "T1", "c@acme.test", Now.AddDays(-40));

        var analytics = await Repository().GetAsync(new Workspace("T1"), _ct);

        Assert.Equal(1, analytics.UnmatchedOwnersLast7Days);
        Assert.Equal(2, analytics.UnmatchedOwnersLast30Days);
    }

    [Fact]
    public async Task Another_workspaces_items_and_emails_are_never_counted()
    {
        await AnalyticsRows.AddAsync(
            _db.Connections,
            new AnalyticsItem("T2", 1, Now.AddDays(-1)) { AcknowledgedAfter = TimeSpan.FromMinutes(1), Snoozed = true, Escalated = true, NotRelevant = true });
        await AnalyticsRows.AddUnmatchedAsync(_db.Connections, "T2", "a@other.test", Now.AddDays(-1));

        var analytics = await Repository().GetAsync(new Workspace("T1"), _ct);

        Assert.Equal(AnalyticsWindows.None, analytics.Workspace);
        Assert.Empty(analytics.ByWorkflow);
        Assert.Equal(0, analytics.UnmatchedOwnersLast30Days);
    }

    [Fact]
    public async Task With_nothing_sent_there_are_no_percentages()
    {
        var analytics = await Repository().GetAsync(new Workspace("T1"), _ct);

        Assert.Null(analytics.Workspace.Last30Days.AcknowledgedPercent);
        Assert.Null(analytics.Workspace.Last30Days.NotRelevantPercent);
        Assert.Null(analytics.Workspace.Last30Days.MedianTimeToAcknowledge);
    }

    [Fact]
    public async Task The_queries_parse_as_TSql()
    {
        var statements = new List<string>();
        var connections = new DbConnectionFactory(new SqlServerDialect(), () => new RecordingDbConnection(statements));

        await new DeliveryAnalyticsRepository(connections, _db.Clock).GetAsync(new Workspace("T1"), _ct);

        statements.Add(DeliveryAnalyticsRepository.AcknowledgementsSql(new SqlServerDialect()));
        Assert.Equal(3, statements.Count);
        Assert.All(statements, sql => Assert.Empty(SqlServerStatements.ParseErrors(sql)));
    }

    private AnalyticsItem Item(long? workflowId, int days, int minutes = 0) => new("T1", workflowId, Now.AddDays(-days).AddMinutes(-minutes));

    private DeliveryAnalyticsRepository Repository() => new(_db.Connections, _db.Clock);

    public void Dispose() => _db.Dispose();
}
