using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Tests.Data;
using SlackApp.Tests.Explanations;

namespace SlackApp.Tests.Notifications;

/// <summary><see cref="NotificationActivityRepository"/>: a page of workflows' last 7 days in one grouped query.</summary>
public sealed class NotificationActivityRepositoryTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DateTimeOffset Now => _db.Clock.GetUtcNow();

    [Fact]
    public async Task Counts_sent_digested_held_suppressed_and_failed_per_workflow()
    {
        var digest = await ExplanationRows.AddMessageAsync(_db.Connections, "T1", MessageKind.Digest, "C1", Now.AddHours(-1));
        var single = await ExplanationRows.AddMessageAsync(_db.Connections, "T1", MessageKind.OneItem, "C1", Now.AddHours(-2));
        for (var i = 0; i < 3; i++)
        {
            await ExplanationRows.AddItemAsync(_db.Connections, ItemSeed.Sent("T1", 100 + i, "C1", Now.AddHours(-1), digest, 1));
        }

        await ExplanationRows.AddItemAsync(_db.Connections, ItemSeed.Sent("T1", 110, "C1", Now.AddHours(-2), single, 1));
        await Add("T1", 120, DeliveryStatus.Held, 1, s => s with { HeldReason = HoldReason.QuietHours, NextAttemptAt = Now.AddHours(5) });
        await Add("T1", 121, DeliveryStatus.Held, 1, s => s with { HeldReason = HoldReason.Digest, NextAttemptAt = Now.AddHours(2) });
        await Add("T1", 130, DeliveryStatus.Suppressed, 1, s => s with { SuppressedReason = "duplicate" });
        await Add("T1", 131, DeliveryStatus.Suppressed, 1, s => s with { SuppressedReason = "duplicate" });
        await Add("T1", 140, DeliveryStatus.Failed, 1, s => s with { LastError = "is_archived" });
        await Add("T1", 150, DeliveryStatus.Undeliverable, 1);
        await Add("T1", 160, DeliveryStatus.Pending, 1);
        await Add("T1", 170, DeliveryStatus.Sent, 2);

        var activity = await Repository().ListAsync(new Workspace("T1"), [1, 2, 3], _ct);

        var first = activity[1];
        Assert.Equal(4, first.Sent);
        Assert.Equal(3, first.SentInDigests);
        Assert.Equal(2, first.Held);
        Assert.Equal(Now.AddHours(2), first.NextRelease);
        Assert.Equal(new Dictionary<string, int> { ["digest"] = 1, ["quiet_hours"] = 1 }, first.HeldByReason);
        Assert.Equal(new Dictionary<string, int> { ["duplicate"] = 2 }, first.SuppressedByReason);
        Assert.Equal(1, first.Failed);
        Assert.Equal(1, first.Undeliverable);
        Assert.Equal(1, first.Waiting);
        Assert.Equal(1, activity[2].Sent);
        Assert.True(activity[3].IsEmpty);
    }

    [Fact]
    public async Task Older_items_tests_and_other_workspaces_are_left_out()
    {
        await Add("T1", 1, DeliveryStatus.Sent, 1, s => s with { CreatedAt = Now.AddDays(-7).AddMinutes(-1) });
        await Add("T1", 2, DeliveryStatus.Sent, 1, s => s with { SignalRowId = null, IsTest = true });
        await Add("T2", 3, DeliveryStatus.Sent, 1);
        await Add("T1", 4, DeliveryStatus.Sent, 1, s => s with { CreatedAt = Now.AddDays(-7).AddMinutes(1) });

        var activity = await Repository().ListAsync(new Workspace("T1"), [1], _ct);

        Assert.Equal(1, activity[1].Sent);
    }

    [Fact]
    public async Task No_workflows_reads_nothing()
    {
        Assert.Empty(await Repository().ListAsync(new Workspace("T1"), [], _ct));
    }

    [Fact]
    public async Task The_query_parses_as_TSql()
    {
        var statements = new List<string>();
        var connections = new SlackApp.Data.DbConnectionFactory(new SlackApp.Data.SqlServerDialect(), () => new RecordingDbConnection(statements));

        await new NotificationActivityRepository(connections, _db.Clock).ListAsync(new Workspace("T1"), [1, 2], _ct);

        var sql = Assert.Single(statements);
        Assert.Empty(SqlServerStatements.ParseErrors(sql));
    }

    private NotificationActivityRepository Repository() => new(_db.Connections, _db.Clock);

    private Task Add(string team, long? signal, string status, long workflowId, Func<ItemSeed, ItemSeed>? change = null)
    {
        var seed = new ItemSeed(team, signal, "channel", "C1", status, Now.AddHours(-3)) { WorkflowId = workflowId };
        return ExplanationRows.AddItemAsync(_db.Connections, change is null ? seed : change(seed));
    }

    public void Dispose() => _db.Dispose();
}
