using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Previews;
using SlackApp.Signals;
using SlackApp.Tests.Data;
using SlackApp.Tests.Signals;

namespace SlackApp.Tests.Previews;

/// <summary>The preview's read of a workspace's recent signals: its own only, newest first, bounded, since a time.</summary>
public sealed class RecentSignalRepositoryTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");

    private readonly TestDatabase _db = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly SignalRepository _signals;
    private readonly RecentSignalRepository _recent;

    public RecentSignalRepositoryTests()
    {
        _signals = new SignalRepository(_db.Connections, _db.Clock);
        _recent = new RecentSignalRepository(_db.Connections, NullLogger<RecentSignalRepository>.Instance);
    }

    private async Task StoreAsync(string id, Workspace? workspace = null)
    {
        await _signals.AddAsync(workspace ?? Acme, [SignalRepositoryTests.Incoming(id)], _ct);
        _db.Clock.Advance(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Reads_the_workspace_s_own_signals_since_a_time_newest_first()
    {
        await StoreAsync("sig_before");
        var since = _db.Clock.GetUtcNow();
        await StoreAsync("sig_1");
        await StoreAsync("sig_other", new Workspace("T0OTHER"));
        await StoreAsync("sig_2");

        var recent = await _recent.ListSinceAsync(Acme, since, _ct);

        Assert.Equal(["sig_2", "sig_1"], recent.Signals.Select(s => s.Signal.Id));
        Assert.Equal(since, recent.Signals[1].ReceivedAt);
        Assert.False(recent.Capped);
    }

    [Fact]
    public async Task Reads_at_most_the_limit_and_says_it_was_capped()
    {
        var since = _db.Clock.GetUtcNow();
        for (var i = 0; i < 4; i++)
        {
            await StoreAsync($"sig_{i}");
        }

        var recent = await _recent.ListSinceAsync(Acme, since, _ct, limit: 3);

        Assert.Equal(["sig_3", "sig_2", "sig_1"], recent.Signals.Select(s => s.Signal.Id));
        Assert.True(recent.Capped);
    }

    [Fact]
    public async Task A_row_that_no_longer_reads_is_skipped_and_counted()
    {
        var since = _db.Clock.GetUtcNow();
        await StoreAsync("sig_1");
        await StoreAsync("sig_2");
        await using (var connection = await _db.Connections.OpenAsync(_ct))
        {
            await connection.ExecuteAsync("UPDATE signals SET raw_json = '{\"id\":\"sig_1\"}' WHERE signal_id = 'sig_1'");
        }

        var recent = await _recent.ListSinceAsync(Acme, since, _ct);

        Assert.Equal(["sig_2"], recent.Signals.Select(s => s.Signal.Id));
        Assert.Equal(1, recent.Unreadable);
    }

    [Fact]
    public async Task Its_statement_parses_as_TSql()
    {
        var statements = new List<string>();
        var connections = new DbConnectionFactory(new SqlServerDialect(), () => new RecordingDbConnection(statements));

        await new RecentSignalRepository(connections, NullLogger<RecentSignalRepository>.Instance).ListSinceAsync(Acme, _db.Clock.GetUtcNow(), _ct);

        var sql = Assert.Single(statements);
        Assert.Empty(SqlServerStatements.ParseErrors(sql));
    }

    public void Dispose() => _db.Dispose();
}
