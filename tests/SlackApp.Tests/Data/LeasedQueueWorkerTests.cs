using System.Collections.Concurrent;
using System.Numerics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using SlackApp.Data;

namespace SlackApp.Tests.Data;

/// <summary>The leased-queue worker on an in-memory queue and a clock that says when the worker sleeps, and for how long.</summary>
public sealed class LeasedQueueWorkerTests
{
    private static readonly LeasedQueueSchedule TestSchedule = new(BatchSize: 2, LeaseDuration: TimeSpan.FromMinutes(2), PollInterval: TimeSpan.FromSeconds(30));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TimerWatchingClock _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryQueue _queue = new();
    private readonly TestWakeUp _wakeUp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private TestWorker Worker() => new(_queue, _wakeUp, _clock);

    [Fact]
    public async Task A_pass_claims_batch_after_batch_until_a_claim_comes_back_empty()
    {
        _queue.Add(Rows("T1", 5));
        using var worker = Worker();

        var pass = await worker.RunOnceAsync(_ct);

        Assert.Equal(new Handled(5), pass);
        Assert.Equal([2, 2, 1, 0], _queue.ClaimSizes);
        Assert.All(_queue.Claims, c => Assert.Equal((worker.OwnerName, 2, TimeSpan.FromMinutes(2)), (c.Owner, c.Limit, c.Lease)));
    }

    [Fact]
    public void Each_instance_leases_under_its_own_name_that_fits_the_column()
    {
        using var one = Worker();
        using var other = Worker();

        Assert.NotEqual(one.OwnerName, other.OwnerName);
        Assert.InRange(one.OwnerName.Length, 1, LeaseOwner.MaxLength);
    }

    [Fact]
    public void A_lease_owner_keeps_its_unique_tail_when_the_machine_name_is_very_long()
    {
        var machine = new string('m', 300);

        var one = LeaseOwner.New(machine);
        var other = LeaseOwner.New(machine);

        Assert.Equal(LeaseOwner.MaxLength, one.Length);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public async Task A_workspace_is_read_once_per_batch_and_afresh_in_the_next_batch()
    {
        _queue.Add(new Row(1, "T1"), new Row(2, "T1"), new Row(3, "T2"), new Row(4, "T2"), new Row(5, "T1"));
        using var worker = Worker();

        await worker.RunOnceAsync(_ct);

        // Batches of two: [T1, T1], [T2, T2], [T1].
        Assert.Equal(["T1", "T2", "T1"], worker.WorkspaceReads);
        Assert.Equal(["T1 view", "T1 view", "T2 view", "T2 view", "T1 view"], worker.ViewsSeen);
    }

    [Fact]
    public async Task A_failed_workspace_read_is_tried_again_by_the_next_row_of_the_batch()
    {
        var reads = 0;
        var views = new BatchWorkspaceViews<string>((teamId, _) =>
            ++reads == 1 ? throw new InvalidOperationException("The database is busy.") : Task.FromResult($"{teamId} view"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => views.GetAsync("T1", _ct));
        var view = await views.GetAsync("T1", _ct);

        Assert.Equal("T1 view", view);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_row_whose_step_throws_is_left_to_its_lease_and_the_rest_of_the_batch_goes_on()
    {
        _queue.Add(Rows("T1", 3));
        using var worker = Worker();
        worker.Step = row => row.Id == 2 ? throw new InvalidOperationException("The database refused.") : Task.FromResult(new Handled(1));

        var pass = await worker.RunOnceAsync(_ct);

        Assert.Equal(new Handled(2), pass);
        Assert.Equal([2L], worker.Unhandled);
    }

    [Fact]
    public async Task A_worker_that_handles_its_rows_together_gets_each_claimed_batch_whole()
    {
        _queue.Add(Rows("T1", 5));
        using var worker = Worker();
        var batches = new List<long[]>();
        worker.BatchStep = rows =>
        {
            batches.Add([.. rows.Select(r => r.Id)]);
            return Task.FromResult(new Handled(rows.Count));
        };

        var pass = await worker.RunOnceAsync(_ct);

        Assert.Equal(new Handled(5), pass);
        Assert.Equal([[1L, 2L], [3L, 4L], [5L]], batches);
        Assert.Empty(worker.Processed);
    }

    [Fact]
    public async Task A_batch_that_throws_is_left_to_its_leases_and_the_pass_goes_on_with_the_next_batch()
    {
        _queue.Add(Rows("T1", 3));
        using var worker = Worker();
        worker.BatchStep = rows => rows[0].Id == 1 ? throw new InvalidOperationException("The database refused.") : Task.FromResult(new Handled(rows.Count));

        var pass = await worker.RunOnceAsync(_ct);

        Assert.Equal(new Handled(1), pass);
        Assert.Equal([2, 1, 0], _queue.ClaimSizes);
    }

    [Fact]
    public async Task A_stopped_pass_ends_instead_of_counting_the_row_as_unhandled()
    {
        _queue.Add(Rows("T1", 2));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        using var worker = Worker();
        worker.Step = async _ =>
        {
            await stop.CancelAsync();
            throw new OperationCanceledException(stop.Token);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker.RunOnceAsync(stop.Token));

        Assert.Empty(worker.Unhandled);
        Assert.Single(worker.Processed);
    }

    [Fact]
    public async Task Passes_never_interleave()
    {
        _queue.Add(Rows("T1", 1));
        var release = new TaskCompletionSource<Handled>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var worker = Worker();
        worker.Step = _ => release.Task;

        var first = worker.RunOnceAsync(_ct);
        var second = worker.RunOnceAsync(_ct);
        var claimsWhileFirstRuns = _queue.Claims.Count;
        release.SetResult(new Handled(1));

        Assert.Equal(1, claimsWhileFirstRuns);
        Assert.Equal(new Handled(1), await first.WaitAsync(Patience, _ct));
        Assert.Equal(new Handled(0), await second.WaitAsync(Patience, _ct));
    }

    [Fact]
    public async Task Hosted_worker_runs_a_pass_at_start_then_sleeps_a_poll_interval_when_nothing_is_due()
    {
        _queue.Add(Rows("T1", 1));
        using var worker = Worker();

        await worker.StartAsync(_ct);
        var sleep = await _clock.NextTimerAsync(_ct);
        await worker.StopAsync(_ct);

        Assert.Equal([1L], worker.Processed);
        Assert.Equal(TestSchedule.PollInterval, sleep);
    }

    [Fact]
    public async Task Hosted_worker_wakes_as_soon_as_woken_without_the_clock_moving()
    {
        using var worker = Worker();
        await worker.StartAsync(_ct);
        await _clock.NextTimerAsync(_ct);

        _queue.Add(Rows("T1", 1));
        _wakeUp.Wake();
        var processed = await worker.NextProcessedAsync(_ct);
        await worker.StopAsync(_ct);

        Assert.Equal(1, processed);
    }

    [Fact]
    public async Task Hosted_worker_polls_for_rows_nobody_woke_it_for()
    {
        using var worker = Worker();
        await worker.StartAsync(_ct);
        await _clock.NextTimerAsync(_ct);

        _queue.Add(Rows("T1", 1));
        _clock.Advance(TestSchedule.PollInterval);
        var processed = await worker.NextProcessedAsync(_ct);
        await worker.StopAsync(_ct);

        Assert.Equal(1, processed);
    }

    [Fact]
    public async Task Hosted_worker_sleeps_only_until_the_next_row_falls_due()
    {
        using var worker = Worker();
        worker.NextDue = () => _clock.GetUtcNow() + TimeSpan.FromSeconds(5);

        await worker.StartAsync(_ct);
        var sleep = await _clock.NextTimerAsync(_ct);
        await worker.StopAsync(_ct);

        Assert.Equal(TimeSpan.FromSeconds(5), sleep);
    }

    [Fact]
    public async Task Hosted_worker_never_spins_on_a_row_that_looks_due_but_cannot_be_claimed()
    {
        // E.g. leased by another instance: due already, yet no claim returns it.
        using var worker = Worker();
        worker.NextDue = () => _clock.GetUtcNow() - TimeSpan.FromMinutes(1);

        await worker.StartAsync(_ct);
        var sleep = await _clock.NextTimerAsync(_ct);
        await worker.StopAsync(_ct);

        Assert.Equal(TimeSpan.FromMilliseconds(200), sleep);
        Assert.Single(_queue.Claims);
    }

    [Fact]
    public async Task Hosted_worker_sleeps_at_most_a_poll_interval_when_the_next_row_is_far_off()
    {
        using var worker = Worker();
        worker.NextDue = () => _clock.GetUtcNow() + TimeSpan.FromHours(1);

        await worker.StartAsync(_ct);
        var sleep = await _clock.NextTimerAsync(_ct);
        await worker.StopAsync(_ct);

        Assert.Equal(TestSchedule.PollInterval, sleep);
    }

    [Fact]
    public async Task Hosted_worker_keeps_going_after_a_failed_pass()
    {
        _queue.FailingClaims = 1;
        _queue.Add(Rows("T1", 1));
        using var worker = Worker();

        await worker.StartAsync(_ct);
        var sleep = await _clock.NextTimerAsync(_ct);
        _clock.Advance(sleep);
        var processed = await worker.NextProcessedAsync(_ct);
        await worker.StopAsync(_ct);

        Assert.Equal(TestSchedule.PollInterval, sleep);
        Assert.Equal(1, processed);
    }

    private static Row[] Rows(string teamId, int count) => [.. Enumerable.Range(1, count).Select(i => new Row(i, teamId))];

    public sealed record Row(long Id, string TeamId);

    public sealed record Handled(int Count) : IAdditionOperators<Handled, Handled, Handled>, IAdditiveIdentity<Handled, Handled>
    {
        public static Handled AdditiveIdentity { get; } = new(0);

        public static Handled operator +(Handled left, Handled right) => new(left.Count + right.Count);
    }

    private sealed class TestWakeUp : WorkerWakeUp;

    private sealed record Claim(string Owner, int Limit, TimeSpan Lease, int Size);

    // Claimed rows leave the queue, as rows under a live lease are not claimable.
    private sealed class InMemoryQueue
    {
        private readonly ConcurrentQueue<Row> _due = new();
        private readonly ConcurrentQueue<Claim> _claims = new();

        public int FailingClaims { get; set; }

        public List<Claim> Claims => [.. _claims];

        public List<int> ClaimSizes => [.. _claims.Select(c => c.Size)];

        public void Add(params Row[] rows)
        {
            foreach (var row in rows)
            {
                _due.Enqueue(row);
            }
        }

        public Task<IReadOnlyList<Row>> ClaimAsync(string owner, int limit, TimeSpan lease)
        {
            if (FailingClaims > 0)
            {
                FailingClaims--;
                throw new InvalidOperationException("The database is down.");
            }

            var rows = new List<Row>();
            while (rows.Count < limit && _due.TryDequeue(out var row))
            {
                rows.Add(row);
            }

            _claims.Enqueue(new Claim(owner, limit, lease, rows.Count));
            return Task.FromResult<IReadOnlyList<Row>>(rows);
        }
    }

    private sealed class TestWorker(InMemoryQueue queue, WorkerWakeUp wakeUp, TimeProvider clock)
        : LeasedQueueWorker<Row, string, Handled>("Test queue", TestSchedule, wakeUp, clock, NullLogger.Instance)
    {
        private readonly ConcurrentQueue<string> _reads = new();
        private readonly ConcurrentQueue<string> _views = new();
        private readonly ConcurrentQueue<long> _unhandled = new();
        private readonly Channel<long> _processed = Channel.CreateUnbounded<long>();
        private readonly ConcurrentQueue<long> _processedIds = new();

        public Func<Row, Task<Handled>> Step { get; set; } = _ => Task.FromResult(new Handled(1));

        public Func<DateTimeOffset?> NextDue { get; set; } = () => null;

        /// <summary>Set: the worker handles each batch whole instead of row by row.</summary>
        public Func<IReadOnlyList<Row>, Task<Handled>>? BatchStep { get; set; }

        public string OwnerName => Owner;

        public List<string> WorkspaceReads => [.. _reads];

        public List<string> ViewsSeen => [.. _views];

        public List<long> Unhandled => [.. _unhandled];

        public List<long> Processed => [.. _processedIds];

        public async Task<long> NextProcessedAsync(CancellationToken cancellationToken) =>
            await _processed.Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(Patience, cancellationToken);

        protected override Task<IReadOnlyList<Row>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken cancellationToken) =>
            queue.ClaimAsync(owner, limit, lease);

        protected override Task<string> ReadWorkspaceAsync(string teamId, CancellationToken cancellationToken)
        {
            _reads.Enqueue(teamId);
            return Task.FromResult($"{teamId} view");
        }

        protected override async Task<Handled> ProcessAsync(Row item, BatchWorkspaceViews<string> workspaces, CancellationToken cancellationToken)
        {
            _views.Enqueue(await workspaces.GetAsync(item.TeamId, cancellationToken));
            _processedIds.Enqueue(item.Id);
            try
            {
                return await Step(item);
            }
            finally
            {
                _processed.Writer.TryWrite(item.Id);
            }
        }

        protected override Task<Handled> ProcessBatchAsync(IReadOnlyList<Row> claimed, BatchWorkspaceViews<string> workspaces, CancellationToken cancellationToken) =>
            BatchStep is { } step ? step(claimed) : base.ProcessBatchAsync(claimed, workspaces, cancellationToken);

        protected override Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => Task.FromResult(NextDue());

        protected override void OnUnhandled(Row item, Exception exception) => _unhandled.Enqueue(item.Id);
    }
}
