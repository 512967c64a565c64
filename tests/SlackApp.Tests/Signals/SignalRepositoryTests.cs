using Dapper;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Signals;

public sealed class SignalRepositoryTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private static readonly Workspace Globex = new("T0GLOBEX");
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly TestDatabase _db = new();
    private readonly SignalRepository _signals;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SignalRepositoryTests() => _signals = new SignalRepository(_db.Connections, _db.Clock);

    internal static IncomingSignal Incoming(string id, string? rawJson = null)
    {
        var json = rawJson ?? SignalPayloads.NewHire(id).ToJsonString();
        return new IncomingSignal(SignalReader.ReadStored(json), json);
    }

    internal static async Task<IReadOnlyList<SignalRow>> RowsAsync(TestDatabase db, Workspace workspace)
    {
        await using var connection = await db.Connections.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<SignalRow>(
            "SELECT signal_id AS SignalId, type AS Type, occurred_at AS OccurredAt, received_at AS ReceivedAt, raw_json AS RawJson, status AS Status, " +
            "match_count AS MatchCount, attempts AS Attempts, last_error AS LastError, lease_until AS LeaseUntil FROM signals WHERE team_id = @TeamId ORDER BY id",
            new { workspace.TeamId });
        return rows.AsList();
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Stores_each_signal_verbatim_as_pending()
    {
        const string raw = """{"id":"sig_1", "type":"promotion","occurred_at":"2026-11-20T10:04:05-05:00","person":{"full_name":"Ann"},"account":{"name":"Acme"},"extra":true}""";

        var result = await _signals.AddAsync(Acme, [Incoming("sig_1", raw), Incoming("sig_2")], _ct);

        var rows = await RowsAsync(_db, Acme);
        Assert.Equal(new SignalIntakeResult(2, 0), result);
        Assert.Equal(["sig_1", "sig_2"], rows.Select(r => r.SignalId));
        Assert.Equal(raw, rows[0].RawJson);
        Assert.Equal("promotion", rows[0].Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 4, 5, TimeSpan.Zero), rows[0].OccurredAt);
        Assert.Equal(_db.Clock.GetUtcNow(), rows[0].ReceivedAt);
        Assert.All(rows, r => Assert.Equal("pending", r.Status));
    }

    [Fact]
    public async Task Repeated_id_from_an_earlier_request_is_a_duplicate_left_as_it_was()
    {
        await _signals.AddAsync(Acme, [Incoming("sig_1")], _ct);
        var changed = SignalPayloads.NewHire("sig_1").With("type", "promotion").ToJsonString();

        var result = await _signals.AddAsync(Acme, [Incoming("sig_1", changed), Incoming("sig_2")], _ct);

        var rows = await RowsAsync(_db, Acme);
        Assert.Equal(new SignalIntakeResult(1, 1), result);
        Assert.Equal(["sig_1", "sig_2"], rows.Select(r => r.SignalId));
        Assert.Equal("new_hire", rows[0].Type);
    }

    [Fact]
    public async Task Repeated_id_within_one_batch_is_stored_once()
    {
        var result = await _signals.AddAsync(Acme, [Incoming("sig_1"), Incoming("sig_2"), Incoming("sig_1")], _ct);

        Assert.Equal(new SignalIntakeResult(2, 1), result);
        Assert.Equal(["sig_1", "sig_2"], (await RowsAsync(_db, Acme)).Select(r => r.SignalId));
    }

    [Fact]
    public async Task Same_id_in_two_workspaces_is_two_signals()
    {
        await _signals.AddAsync(Acme, [Incoming("sig_1")], _ct);

        var result = await _signals.AddAsync(Globex, [Incoming("sig_1")], _ct);

        Assert.Equal(new SignalIntakeResult(1, 0), result);
        Assert.Single(await RowsAsync(_db, Globex));
    }

    [Fact]
    public async Task Claim_leases_pending_signals_of_every_workspace_to_one_owner()
    {
        await _signals.AddAsync(Acme, [Incoming("sig_a")], _ct);
        await _signals.AddAsync(Globex, [Incoming("sig_g")], _ct);

        var first = await _signals.ClaimAsync("worker-1", 10, Lease, _ct);
        var second = await _signals.ClaimAsync("worker-2", 10, Lease, _ct);

        Assert.Equal([("T0ACME", "sig_a"), ("T0GLOBEX", "sig_g")], first.Select(s => (s.TeamId, s.SignalId)));
        Assert.Empty(second);
        Assert.Equal(_db.Clock.GetUtcNow() + Lease, (await RowsAsync(_db, Acme))[0].LeaseUntil);
    }

    [Fact]
    public async Task Claim_takes_at_most_the_limit_in_arrival_order()
    {
        await _signals.AddAsync(Acme, [Incoming("sig_1"), Incoming("sig_2"), Incoming("sig_3")], _ct);

        var claimed = await _signals.ClaimAsync("worker-1", 2, Lease, _ct);

        Assert.Equal(["sig_1", "sig_2"], claimed.Select(s => s.SignalId));
    }

    [Fact]
    public async Task Expired_lease_lets_another_owner_take_the_signal_over()
    {
        await _signals.AddAsync(Acme, [Incoming("sig_1")], _ct);
        await _signals.ClaimAsync("crashed-worker", 10, Lease, _ct);

        _db.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var claimed = await _signals.ClaimAsync("worker-2", 10, Lease, _ct);

        Assert.Equal("sig_1", Assert.Single(claimed).SignalId);
    }

    [Fact]
    public async Task The_next_claim_is_due_when_the_earliest_lease_runs_out_and_never_for_matched_signals()
    {
        Assert.Null(await _signals.EarliestDueAsync(_ct));
        await _signals.AddAsync(Acme, [Incoming("sig_1"), Incoming("sig_2")], _ct);
        Assert.Equal(_db.Clock.GetUtcNow(), await _signals.EarliestDueAsync(_ct));

        var claimed = await _signals.ClaimAsync("stopped-worker", 10, Lease, _ct);
        Assert.Equal(_db.Clock.GetUtcNow() + Lease, await _signals.EarliestDueAsync(_ct));

        await _signals.MarkMatchedAsync(Acme, claimed[0].Id, 0, _ct);
        await _signals.MarkMatchedAsync(Acme, claimed[1].Id, 0, _ct);
        Assert.Null(await _signals.EarliestDueAsync(_ct));
    }

    [Fact]
    public async Task Matched_signal_is_never_claimed_again()
    {
        await _signals.AddAsync(Acme, [Incoming("sig_1")], _ct);
        var claimed = Assert.Single(await _signals.ClaimAsync("worker-1", 10, Lease, _ct));

        await _signals.MarkMatchedAsync(Acme, claimed.Id, 3, _ct);
        _db.Clock.Advance(TimeSpan.FromDays(1));

        var row = Assert.Single(await RowsAsync(_db, Acme));
        Assert.Equal(("matched", 3, (DateTimeOffset?)null), (row.Status, row.MatchCount, row.LeaseUntil));
        Assert.Empty(await _signals.ClaimAsync("worker-1", 10, Lease, _ct));
    }

    [Fact]
    public async Task Marking_is_scoped_to_the_workspace()
    {
        await _signals.AddAsync(Acme, [Incoming("sig_1")], _ct);
        var claimed = Assert.Single(await _signals.ClaimAsync("worker-1", 10, Lease, _ct));

        await _signals.MarkMatchedAsync(Globex, claimed.Id, 1, _ct);
        await _signals.RecordFailureAsync(Globex, claimed.Id, _db.Clock.GetUtcNow(), "boom", _ct);

        var row = Assert.Single(await RowsAsync(_db, Acme));
        Assert.Equal(("pending", 0, (string?)null), (row.Status, row.Attempts, row.LastError));
    }

    [Fact]
    public async Task Failure_counts_the_attempt_and_holds_the_signal_until_the_retry_time()
    {
        await _signals.AddAsync(Acme, [Incoming("sig_1")], _ct);
        var claimed = Assert.Single(await _signals.ClaimAsync("worker-1", 10, Lease, _ct));
        var retryAt = _db.Clock.GetUtcNow() + TimeSpan.FromMinutes(10);

        await _signals.RecordFailureAsync(Acme, claimed.Id, retryAt, new string('x', 5000), _ct);
        _db.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var tooSoon = await _signals.ClaimAsync("worker-1", 10, Lease, _ct);
        _db.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await _signals.ClaimAsync("worker-1", 10, Lease, _ct);

        var row = Assert.Single(await RowsAsync(_db, Acme));
        Assert.Empty(tooSoon);
        Assert.Equal(1, Assert.Single(later).Attempts);
        Assert.Equal(1000, row.LastError!.Length);
    }

    internal sealed record SignalRow
    {
        public string SignalId { get; init; } = string.Empty;
        public string Type { get; init; } = string.Empty;
        public DateTimeOffset OccurredAt { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string RawJson { get; init; } = string.Empty;
        public string Status { get; init; } = string.Empty;
        public int? MatchCount { get; init; }
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset? LeaseUntil { get; init; }
    }
}
