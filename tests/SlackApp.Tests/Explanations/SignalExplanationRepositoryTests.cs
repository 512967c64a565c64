using SlackApp.Data;
using SlackApp.Explanations;
using SlackApp.Installations;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Explanations;

/// <summary><see cref="SignalExplanationRepository"/>: scoped by workspace, and its statements parse on SQL Server.</summary>
public sealed class SignalExplanationRepositoryTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signal_and_its_items_are_found_only_in_their_workspace()
    {
        var now = _db.Clock.GetUtcNow();
        var row = await ExplanationRows.AddSignalAsync(_db.Connections, "T1", "sig_1", now);
        await ExplanationRows.AddItemAsync(_db.Connections, ItemSeed.Sent("T1", row, "C1", now, null, 1));
        var repository = new SignalExplanationRepository(_db.Connections);

        Assert.NotNull(await repository.FindSignalAsync(new Workspace("T1"), "sig_1", _ct));
        Assert.Null(await repository.FindSignalAsync(new Workspace("T2"), "sig_1", _ct));
        Assert.Single(await repository.ListItemsAsync(new Workspace("T1"), row, _ct));
        Assert.Empty(await repository.ListItemsAsync(new Workspace("T2"), row, _ct));
    }

    [Fact]
    public async Task Its_statements_parse_as_TSql()
    {
        var statements = new List<string>();
        var repository = new SignalExplanationRepository(new DbConnectionFactory(new SqlServerDialect(), () => new RecordingDbConnection(statements)));

        await repository.FindSignalAsync(new Workspace("T1"), "sig_1", _ct);
        await repository.ListItemsAsync(new Workspace("T1"), 1, _ct);

        Assert.Equal(2, statements.Count);
        Assert.All(statements, sql => Assert.Empty(SqlServerStatements.ParseErrors(sql)));
    }

    public void Dispose() => _db.Dispose();
}
