using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Data;
using SlackApp.Tests.Operations;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;

namespace SlackApp.Tests.Signals;

public sealed class SignalMatchingWorkerTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private static readonly SignalMatchingOptions Options = new()
    {
        PollInterval = TimeSpan.FromSeconds(30),
        LeaseDuration = TimeSpan.FromMinutes(2),
        RetryDelay = TimeSpan.FromMinutes(1),
        MaxRetryDelay = TimeSpan.FromMinutes(30),
        BatchSize = 10,
    };

    private readonly TestDatabase _db = new();
    private readonly SignalRepository _signals;
    private readonly WorkflowRepository _workflows;
    private readonly InstallationStore _installations;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SignalMatchingWorkerTests()
    {
        _signals = new SignalRepository(_db.Connections, _db.Clock);
        _workflows = new WorkflowRepository(_db.Connections, _db.Clock);
        _installations = new InstallationStore(_db.Connections, _db.Secrets, _db.Clock);
    }

    public void Dispose() => _db.Dispose();

    private SignalMatchingWorker Worker(ISignalMatchHandler handler, SignalMatchingTrigger? trigger = null) => new(
        new SignalRepository(_db.Connections, _db.Clock), _workflows, _installations, handler, trigger ?? new SignalMatchingTrigger(), new SignalTelemetry(TestMeters.Factory), _db.Clock,
        Microsoft.Extensions.Options.Options.Create(Options), NullLogger<SignalMatchingWorker>.Instance);

    private Task InstallAsync(Workspace workspace) =>
        _installations.SaveAsync(new Installation { TeamId = workspace.TeamId, BotUserId = "U0BOT", BotToken = "xoxb-1-2-abc", InstalledAt = _db.Clock.GetUtcNow() }, _ct);

    private Task StoreAsync(Workspace workspace, params string[] ids) =>
        _signals.AddAsync(workspace, [.. ids.Select(id => SignalRepositoryTests.Incoming(id))], _ct);

    private async Task<Workflow> ExecsAtClosedLostAsync()
    {
        var draft = WorkflowRepositoryTests.Draft("Execs at Closed Lost") with
        {
            Filters = new WorkflowFilters { MinimumSeniority = Seniority.Director, AccountStatuses = [AccountStatus.ClosedLost] },
        };
        return (await _workflows.CreateAsync(Acme, draft, "U0ADMIN", _ct)).Workflow!;
    }

    private async Task<IReadOnlyList<SignalRepositoryTests.SignalRow>> RowsAsync() => await SignalRepositoryTests.RowsAsync(_db, Acme);

    [Fact]
    public async Task Pending_signal_is_handed_with_its_matching_workflows_then_marked_matched()
    {
        await InstallAsync(Acme);
        var execs = await ExecsAtClosedLostAsync();
        await _workflows.CreateAsync(Acme, WorkflowRepositoryTests.Draft("Promotions only") with { SignalTypes = [SignalType.Promotion] }, "U0ADMIN", _ct);
        await StoreAsync(Acme, "sig_1");
        var handler = new RecordingHandler();

        var pass = await Worker(handler).RunOnceAsync(_ct);

        var call = Assert.Single(handler.Calls);
        Assert.Equal(new SignalMatchingPass(1, 0, 0), pass);
        Assert.Equal(Acme, call.Workspace);
        Assert.Equal("sig_1", call.Signal.Signal.Id);
        Assert.Equal("Jane Doe", call.Signal.Signal.Person.FullName);
        Assert.Equal(SignalPayloads.NewHire("sig_1").ToJsonString(), call.Signal.RawJson);
        var match = Assert.Single(call.Matches);
        Assert.Equal(execs.Id, match.Workflow.Id);
        Assert.Equal(["New hire", "VP meets Director+", "Account is Closed Lost"], match.Reasons);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(("matched", (int?)1), (row.Status, row.MatchCount));
    }

    [Fact]
    public async Task Matched_signal_is_not_handed_again()
    {
        await InstallAsync(Acme);
        await StoreAsync(Acme, "sig_1");
        var handler = new RecordingHandler();
        var worker = Worker(handler);
        await worker.RunOnceAsync(_ct);

        _db.Clock.Advance(TimeSpan.FromHours(1));
        var again = await worker.RunOnceAsync(_ct);

        Assert.Single(handler.Calls);
        Assert.Equal(new SignalMatchingPass(0, 0, 0), again);
    }

    [Fact]
    public async Task Signal_without_matches_is_still_handed_and_marked_with_zero()
    {
        await InstallAsync(Acme);
        await StoreAsync(Acme, "sig_1");
        var handler = new RecordingHandler();

        await Worker(handler).RunOnceAsync(_ct);

        Assert.Empty(Assert.Single(handler.Calls).Matches);
        Assert.Equal(("matched", (int?)0), (Assert.Single(await RowsAsync()).Status, Assert.Single(await RowsAsync()).MatchCount));
    }

    [Fact]
    public async Task Failing_handler_leaves_the_signal_pending_and_it_is_retried_after_the_delay_not_before()
    {
        await InstallAsync(Acme);
        await StoreAsync(Acme, "sig_1");
        var handler = new RecordingHandler { FailuresLeft = 1 };
        var worker = Worker(handler);

        var failed = await worker.RunOnceAsync(_ct);
        var immediately = await worker.RunOnceAsync(_ct);
        var pendingRow = Assert.Single(await RowsAsync());
        _db.Clock.Advance(Options.RetryDelay + TimeSpan.FromSeconds(1));
        var retried = await worker.RunOnceAsync(_ct);

        Assert.Equal(new SignalMatchingPass(0, 1, 0), failed);
        Assert.Equal(new SignalMatchingPass(0, 0, 0), immediately);
        Assert.Equal(("pending", 1), (pendingRow.Status, pendingRow.Attempts));
        Assert.Contains("handler is down", pendingRow.LastError, StringComparison.Ordinal);
        Assert.Equal(new SignalMatchingPass(1, 0, 0), retried);
        Assert.Equal(2, handler.Calls.Count);
        Assert.Equal(1, handler.Calls[1].Signal.Attempts);
        Assert.Equal("matched", Assert.Single(await RowsAsync()).Status);
    }

    [Fact]
    public async Task Retry_delay_doubles_with_each_failure()
    {
        await InstallAsync(Acme);
        await StoreAsync(Acme, "sig_1");
        var handler = new RecordingHandler { FailuresLeft = 3 };
        var worker = Worker(handler);
        await worker.RunOnceAsync(_ct);
        _db.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(_ct);

        var start = _db.Clock.GetUtcNow();

        Assert.Equal(start + TimeSpan.FromMinutes(2), Assert.Single(await RowsAsync()).LeaseUntil);
    }

    [Fact]
    public async Task One_failing_signal_does_not_hold_back_the_others()
    {
        await InstallAsync(Acme);
        await StoreAsync(Acme, "sig_1", "sig_2", "sig_3");
        var handler = new RecordingHandler { FailingIds = ["sig_2"] };

        var pass = await Worker(handler).RunOnceAsync(_ct);

        Assert.Equal(new SignalMatchingPass(2, 1, 0), pass);
        Assert.Equal(["matched", "pending", "matched"], (await RowsAsync()).Select(r => r.Status));
    }

    [Fact]
    public async Task Signal_of_an_uninstalled_workspace_is_skipped_without_the_handler()
    {
        await InstallAsync(Acme);
        await StoreAsync(Acme, "sig_1");
        await _installations.DeleteAsync(null, Acme.TeamId, _ct);
        var handler = new RecordingHandler();

        var pass = await Worker(handler).RunOnceAsync(_ct);

        Assert.Empty(handler.Calls);
        Assert.Equal(new SignalMatchingPass(0, 0, 1), pass);
        Assert.Equal(("matched", (int?)0), (Assert.Single(await RowsAsync()).Status, Assert.Single(await RowsAsync()).MatchCount));
    }

    [Fact]
    public async Task Signal_stored_before_a_crash_is_matched_when_a_fresh_worker_starts()
    {
        await InstallAsync(Acme);
        await ExecsAtClosedLostAsync();
        // As a crashed instance left it: stored and committed, leased to a worker that is gone.
        await using (var connection = await _db.Connections.OpenAsync(_ct))
        {
            await connection.ExecuteAsync(
                "INSERT INTO signals (team_id, signal_id, type, occurred_at, received_at, raw_json, status, lease_until, lease_owner) " +
                "VALUES (@TeamId, 'sig_crash', 'new_hire', @Now, @Now, @Raw, 'pending', @LeaseUntil, 'dead-host/1/abc')",
                new { Acme.TeamId, Now = _db.Clock.GetUtcNow().AddMinutes(-10), LeaseUntil = _db.Clock.GetUtcNow().AddMinutes(-8), Raw = SignalPayloads.NewHire("sig_crash").ToJsonString() });
        }

        var handler = new RecordingHandler();
        var worker = Worker(handler);
        await worker.StartAsync(_ct);
        var call = await handler.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(30), _ct);
        await worker.StopAsync(_ct);

        Assert.Equal("sig_crash", call.Signal.Signal.Id);
        Assert.Single(call.Matches);
    }

    [Fact]
    public async Task Running_worker_wakes_when_the_intake_stores_a_signal()
    {
        await InstallAsync(Acme);
        var handler = new RecordingHandler();
        var trigger = new SignalMatchingTrigger();
        var worker = Worker(handler, trigger);
        await worker.StartAsync(_ct);

        // The fake clock never moves, so only the wake-up (or the start-up pass) can find it.
        await StoreAsync(Acme, "sig_1");
        trigger.Wake();
        var call = await handler.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(30), _ct);
        await worker.StopAsync(_ct);

        Assert.Equal("sig_1", call.Signal.Signal.Id);
    }

    [Fact]
    public async Task Two_workers_never_hand_the_same_signal_twice()
    {
        await InstallAsync(Acme);
        var ids = Enumerable.Range(0, 120).Select(i => $"sig_{i}").ToArray();
        await StoreAsync(Acme, ids);
        var handler = new RecordingHandler();

        var passes = await Task.WhenAll(
            Task.Run(() => Worker(handler).RunOnceAsync(_ct), _ct),
            Task.Run(() => Worker(handler).RunOnceAsync(_ct), _ct));

        Assert.Equal(120, passes.Sum(p => p.Matched));
        Assert.Equal(ids.Order(StringComparer.Ordinal), handler.Calls.Select(c => c.Signal.Signal.Id).Order(StringComparer.Ordinal));
        Assert.All(await RowsAsync(), r => Assert.Equal("matched", r.Status));
    }

    [Fact]
    public async Task A_claimed_batch_is_planned_in_one_call_and_its_rows_committed_with_the_matched_marks()
    {
        await InstallAsync(Acme);
        await ExecsAtClosedLostAsync();
        await StoreAsync(Acme, "sig_1", "sig_2", "sig_3");
        var handler = new BatchHandler();

        var pass = await Worker(handler).RunOnceAsync(_ct);

        Assert.Equal(new SignalMatchingPass(3, 0, 0), pass);
        Assert.Equal([["sig_1", "sig_2", "sig_3"]], handler.Batches);
        Assert.Equal(1, handler.Commits);
        // What the plan wrote in the transaction saw the signals still pending: they were marked in the same one, after it.
        Assert.Equal([("sig_1", "pending"), ("sig_2", "pending"), ("sig_3", "pending")], handler.SeenWhileWriting);
        Assert.All(await RowsAsync(), r => Assert.Equal(("matched", (int?)1), (r.Status, r.MatchCount)));
    }

    [Fact]
    public async Task Signals_the_handler_could_not_plan_stay_pending_and_the_rest_of_the_batch_is_marked_matched()
    {
        await InstallAsync(Acme);
        await ExecsAtClosedLostAsync();
        await StoreAsync(Acme, "sig_1", "sig_2", "sig_3");
        var handler = new BatchHandler { Unplannable = ["sig_2"] };

        var pass = await Worker(handler).RunOnceAsync(_ct);

        Assert.Equal(new SignalMatchingPass(2, 1, 0), pass);
        Assert.Equal([("matched", 0), ("pending", 1), ("matched", 0)], (await RowsAsync()).Select(r => (r.Status, r.Attempts)));
        Assert.Contains("sig_2 cannot be planned", (await RowsAsync())[1].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signal_whose_rows_cannot_be_written_stays_pending_and_the_rest_are_written_one_at_a_time()
    {
        await InstallAsync(Acme);
        await ExecsAtClosedLostAsync();
        await StoreAsync(Acme, "sig_1", "sig_2", "sig_3");
        var handler = new BatchHandler { Unwritable = ["sig_2"] };

        var pass = await Worker(handler).RunOnceAsync(_ct);

        Assert.Equal(new SignalMatchingPass(2, 1, 0), pass);
        Assert.Equal(["matched", "pending", "matched"], (await RowsAsync()).Select(r => r.Status));
        // The batch's transaction, then one per signal: sig_1 and sig_3 committed.
        Assert.Equal(2, handler.Commits);
    }

    [Fact]
    public async Task A_handler_failing_as_a_whole_leaves_the_batch_pending_but_marks_an_uninstalled_workspace_signals_with_zero()
    {
        var globex = new Workspace("T0GLOBEX");
        await InstallAsync(Acme);
        await StoreAsync(Acme, "sig_1", "sig_2");
        await StoreAsync(globex, "sig_gone");
        var handler = new BatchHandler { Down = true };

        var pass = await Worker(handler).RunOnceAsync(_ct);

        Assert.Equal(new SignalMatchingPass(0, 2, 1), pass);
        Assert.Equal(["pending", "pending"], (await RowsAsync()).Select(r => r.Status));
        Assert.Equal(("matched", (int?)0), (Assert.Single(await SignalRepositoryTests.RowsAsync(_db, globex)).Status, Assert.Single(await SignalRepositoryTests.RowsAsync(_db, globex)).MatchCount));
    }

    /// <summary>A handler that plans batches: it fails the signals it is told to, and its plan reads the signals' status inside the transaction.</summary>
    private sealed class BatchHandler : ISignalMatchHandler
    {
        public List<string[]> Batches { get; } = [];

        public List<(string, string)> SeenWhileWriting { get; } = [];

        public int Commits { get; private set; }

        public IReadOnlyCollection<string> Unplannable { get; init; } = [];

        public IReadOnlyCollection<string> Unwritable { get; init; } = [];

        public bool Down { get; init; }

        public Task HandleAsync(Workspace workspace, StoredSignal signal, IReadOnlyList<WorkflowMatch> matches, CancellationToken ct) =>
            throw new InvalidOperationException("Batches only.");

        public Task<ISignalBatchPlan> PlanAsync(IReadOnlyList<MatchedSignal> batch, CancellationToken ct)
        {
            if (Down)
            {
                throw new InvalidOperationException("The handler is down.");
            }

            Batches.Add([.. batch.Select(m => m.Signal.Signal.Id)]);
            var failures = batch.Where(m => Unplannable.Contains(m.Signal.Signal.Id))
                .ToDictionary(m => m.Signal.Id, m => (Exception)new InvalidOperationException($"{m.Signal.Signal.Id} cannot be planned."));
            return Task.FromResult<ISignalBatchPlan>(new Plan(this, batch, failures));
        }

        private sealed class Plan(BatchHandler handler, IReadOnlyList<MatchedSignal> batch, IReadOnlyDictionary<long, Exception> failures) : ISignalBatchPlan
        {
            public IReadOnlyDictionary<long, Exception> Failures => failures;

            public async Task WriteAsync(System.Data.Common.DbTransaction transaction, IReadOnlyCollection<long> signalIds, CancellationToken ct)
            {
                var ids = batch.Where(m => signalIds.Contains(m.Signal.Id)).Select(m => m.Signal.Signal.Id).ToList();
                if (ids.Intersect(handler.Unwritable).Any())
                {
                    throw new InvalidOperationException("The database refused a row.");
                }

                handler.SeenWhileWriting.AddRange(await transaction.Connection!.QueryAsync<(string, string)>(
                    "SELECT signal_id, status FROM signals WHERE id IN @Ids ORDER BY id", new { Ids = signalIds }, transaction));
            }

            public void Committed() => handler.Commits++;
        }
    }

    private sealed class RecordingHandler : ISignalMatchHandler
    {
        private readonly ConcurrentQueue<Call> _calls = new();

        public int FailuresLeft { get; set; }

        public IReadOnlyCollection<string> FailingIds { get; init; } = [];

        public List<Call> Calls => [.. _calls];

        public TaskCompletionSource<Call> FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(Workspace workspace, StoredSignal signal, IReadOnlyList<WorkflowMatch> matches, CancellationToken ct)
        {
            var call = new Call(workspace, signal, matches);
            _calls.Enqueue(call);
            if (FailuresLeft > 0 || FailingIds.Contains(signal.Signal.Id))
            {
                FailuresLeft--;
                throw new InvalidOperationException("The handler is down.");
            }

            FirstCall.TrySetResult(call);
            return Task.CompletedTask;
        }
    }

    private sealed record Call(Workspace Workspace, StoredSignal Signal, IReadOnlyList<WorkflowMatch> Matches);
}
