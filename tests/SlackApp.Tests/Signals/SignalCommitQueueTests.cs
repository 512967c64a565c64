using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Tests.Data;
using static SlackApp.Tests.Signals.SignalRepositoryTests;

namespace SlackApp.Tests.Signals;

/// <summary>
/// Group commit: requests queued while the writer is busy share one transaction, and each still gets its own answer.
/// Requests are queued before the writer starts, so which requests form a group is decided, not raced.
/// </summary>
public sealed class SignalCommitQueueTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private static readonly Workspace Globex = new("T0GLOBEX");
    private readonly TestDatabase _db = new();
    private readonly CommitCountingConnections _counting;
    private readonly SignalCommitQueue _queue;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SignalCommitQueueTests()
    {
        _counting = new CommitCountingConnections(_db);
        _queue = new SignalCommitQueue(new SignalRepository(_counting.Connections, _db.Clock), NullLogger<SignalCommitQueue>.Instance);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Queued_requests_share_one_commit_and_each_gets_its_own_counts()
    {
        var first = _queue.AddAsync(Acme, [Incoming("sig_1"), Incoming("sig_2"), Incoming("sig_1")], _ct);
        var second = _queue.AddAsync(Acme, [Incoming("sig_2"), Incoming("sig_3")], _ct);
        var other = _queue.AddAsync(Globex, [Incoming("sig_1")], _ct);

        await _queue.StartAsync(_ct);

        // Within a request, across requests of the group, and per workspace, as if stored one after another.
        Assert.Equal(new SignalIntakeResult(2, 1), await first);
        Assert.Equal(new SignalIntakeResult(1, 1), await second);
        Assert.Equal(new SignalIntakeResult(1, 0), await other);
        Assert.Equal(1, _counting.Commits);
        Assert.Equal(["sig_1", "sig_2", "sig_3"], (await RowsAsync(_db, Acme)).Select(r => r.SignalId));
    }

    [Fact]
    public async Task A_failing_request_fails_alone_and_its_group_mates_are_stored()
    {
        await PoisonAsync("sig_poison");
        var before = _queue.AddAsync(Acme, [Incoming("sig_1")], _ct);
        var failing = _queue.AddAsync(Acme, [Incoming("sig_2"), Incoming("sig_poison")], _ct);
        var after = _queue.AddAsync(Globex, [Incoming("sig_3")], _ct);

        await _queue.StartAsync(_ct);

        Assert.Equal(new SignalIntakeResult(1, 0), await before);
        Assert.Equal(new SignalIntakeResult(1, 0), await after);
        await Assert.ThrowsAsync<SqliteException>(() => failing);
        // All or none: the failing request's good signal is not stored either.
        Assert.Equal(["sig_1"], (await RowsAsync(_db, Acme)).Select(r => r.SignalId));
        Assert.Equal(["sig_3"], (await RowsAsync(_db, Globex)).Select(r => r.SignalId));
    }

    [Fact]
    public async Task A_request_given_up_before_its_turn_is_not_stored_and_its_group_is()
    {
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var kept = _queue.AddAsync(Acme, [Incoming("sig_1")], _ct);
        var cancelled = _queue.AddAsync(Acme, [Incoming("sig_2")], abandoned.Token);
        await abandoned.CancelAsync();
        var later = _queue.AddAsync(Acme, [Incoming("sig_3")], _ct);

        await _queue.StartAsync(_ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(new SignalIntakeResult(1, 0), await kept);
        Assert.Equal(new SignalIntakeResult(1, 0), await later);
        Assert.Equal(["sig_1", "sig_3"], (await RowsAsync(_db, Acme)).Select(r => r.SignalId));
        Assert.Equal(1, _counting.Commits);
    }

    [Fact]
    public async Task An_answered_request_is_readable_from_a_fresh_connection()
    {
        await _queue.StartAsync(_ct);

        Assert.Equal(new SignalIntakeResult(2, 0), await _queue.AddAsync(Acme, [Incoming("sig_1"), Incoming("sig_2")], _ct));

        // A new, unpooled connection: what the answer promised is in the database file, not in a connection's cache.
        await using var fresh = new SqliteConnection(new SqliteConnectionStringBuilder(_db.Connections.ConnectionString) { Pooling = false }.ConnectionString);
        await fresh.OpenAsync(_ct);
        Assert.Equal(2, await fresh.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM signals WHERE team_id = 'T0ACME'"));
    }

    [Fact]
    public async Task Stopping_commits_what_was_queued_and_later_requests_are_still_stored()
    {
        var queued = _queue.AddAsync(Acme, [Incoming("sig_1")], _ct);
        await _queue.StartAsync(_ct);
        await _queue.StopAsync(_ct);

        Assert.Equal(new SignalIntakeResult(1, 0), await queued);
        Assert.Equal(new SignalIntakeResult(1, 1), await _queue.AddAsync(Acme, [Incoming("sig_2"), Incoming("sig_1")], _ct));
        Assert.Equal(["sig_1", "sig_2"], (await RowsAsync(_db, Acme)).Select(r => r.SignalId));
    }

    [Fact]
    public async Task Large_groups_are_split_so_one_commit_stays_bounded()
    {
        var requests = Enumerable.Range(0, 3)
            .Select(r => _queue.AddAsync(Acme, [.. Enumerable.Range(0, SignalCommitQueue.MaxGroupSignals / 2).Select(i => Incoming($"sig_{r}_{i}"))], _ct))
            .ToList();

        await _queue.StartAsync(_ct);

        Assert.All(await Task.WhenAll(requests), result => Assert.Equal(new SignalIntakeResult(SignalCommitQueue.MaxGroupSignals / 2, 0), result));
        Assert.Equal(2, _counting.Commits);
    }

    private async Task PoisonAsync(string signalId)
    {
        // A constraint the schema does not have, so one request fails inside the group as a real database error would.
        await using var connection = await _db.Connections.OpenAsync(_ct);
        await connection.ExecuteAsync(
            $"CREATE TRIGGER poison BEFORE INSERT ON signals WHEN NEW.signal_id = '{signalId}' BEGIN SELECT RAISE(ABORT, 'poisoned signal'); END;");
    }
}
