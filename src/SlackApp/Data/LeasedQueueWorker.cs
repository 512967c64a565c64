using System.Numerics;

namespace SlackApp.Data;

/// <summary>
/// A hosted worker over a table used as a durable queue. A pass claims due rows batch after batch, each leased to
/// this instance only (<see cref="Owner"/>) so no two instances handle a row at once, and hands each batch to
/// <see cref="ProcessBatchAsync"/> (by default: each row in turn to <see cref="ProcessAsync"/>); it ends when a claim
/// comes back empty. Between passes the worker sleeps until woken (<see cref="WorkerWakeUp"/>, right after new rows
/// are committed), until the next row falls due, or for the poll interval, whichever comes first: the poll is the
/// safety net for rows nobody woke it for (left by a crash, a failure, another instance). Passes never interleave,
/// and the loop never spins.
/// </summary>
/// <remarks>
/// A step that must hold its row longer than the claim's lease renews it through its own table's statement, with
/// <see cref="Owner"/> and <see cref="LeasedQueueSchedule.LeaseDuration"/>, and does nothing to a row whose lease it lost.
/// </remarks>
/// <typeparam name="TItem">A claimed row.</typeparam>
/// <typeparam name="TWorkspaceView">What the step reads about a row's workspace, read once per batch.</typeparam>
/// <typeparam name="TPass">What a pass did: the sum of what each batch (by default, each row's step) did.</typeparam>
public abstract class LeasedQueueWorker<TItem, TWorkspaceView, TPass> : BackgroundService
    where TPass : IAdditionOperators<TPass, TPass, TPass>, IAdditiveIdentity<TPass, TPass>
{
    // Between two passes, even when a row looks due (e.g. leased by another instance), so the loop never spins.
    internal static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(200);

    private readonly string _name;
    private readonly WorkerWakeUp _wakeUp;
    private readonly ILogger _logger;
    private readonly WorkerHeartbeats? _heartbeats;

    // One pass at a time: the hosted loop and callers (tests, admin tools) never interleave.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <param name="name">Names the worker's passes in logs, e.g. "Signal matching".</param>
    /// <param name="schedule">Batch size, lease and poll interval.</param>
    /// <param name="wakeUp">The worker's own wake-up, raised where its rows are committed.</param>
    /// <param name="clock">Leases, due times and the poll run on it.</param>
    /// <param name="logger">Where failed passes are logged.</param>
    /// <param name="heartbeats">Where the hosted loop reports each round, for readiness; null reports nowhere.</param>
    protected LeasedQueueWorker(string name, LeasedQueueSchedule schedule, WorkerWakeUp wakeUp, TimeProvider clock, ILogger logger, WorkerHeartbeats? heartbeats = null)
    {
        _heartbeats = heartbeats;
        _name = name;
        Schedule = schedule;
        _wakeUp = wakeUp;
        Clock = clock;
        _logger = logger;
    }

    /// <summary>This instance's name on the rows it leases.</summary>
    protected string Owner { get; } = LeaseOwner.New();

    protected LeasedQueueSchedule Schedule { get; }

    protected TimeProvider Clock { get; }

    /// <summary>Handles everything due now, batch after batch, and reports what it did.</summary>
    public async Task<TPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var pass = TPass.AdditiveIdentity;
            while (true)
            {
                var claimed = await ClaimAsync(Owner, Schedule.BatchSize, Schedule.LeaseDuration, cancellationToken);
                if (claimed.Count == 0)
                {
                    return pass + await FinishPassAsync(cancellationToken);
                }

                var workspaces = new BatchWorkspaceViews<TWorkspaceView>(ReadWorkspaceAsync);
                try
                {
                    pass += await ProcessBatchAsync(claimed, workspaces, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // The batch's rows keep their leases and are claimed again when the leases run out; the pass
                    // goes on with the next batch (the next claim cannot return these rows meanwhile).
                    _logger.LogError(e, "{Worker} could not handle a claimed batch of {Count} rows in this pass", _name, claimed.Count);
                }
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Claims up to <paramref name="limit"/> due rows of any workspace for <paramref name="owner"/>, leased for <paramref name="lease"/>.</summary>
    protected abstract Task<IReadOnlyList<TItem>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Reads what the step needs to know about a workspace; called at most once per workspace and batch.</summary>
    protected abstract Task<TWorkspaceView> ReadWorkspaceAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>The worker's own step, for one claimed row: records its outcome and says what it did.</summary>
    protected abstract Task<TPass> ProcessAsync(TItem item, BatchWorkspaceViews<TWorkspaceView> workspaces, CancellationToken cancellationToken);

    /// <summary>
    /// Handles one claimed batch and says what it did. By default each row in turn through <see cref="ProcessAsync"/>,
    /// a row that throws left to its lease (<see cref="OnUnhandled"/>); a worker that gains from handling its rows
    /// together (one lookup or one transaction for many) overrides it and isolates its rows' failures itself. What
    /// escapes leaves the whole batch to its leases.
    /// </summary>
    protected virtual async Task<TPass> ProcessBatchAsync(IReadOnlyList<TItem> claimed, BatchWorkspaceViews<TWorkspaceView> workspaces, CancellationToken cancellationToken)
    {
        var pass = TPass.AdditiveIdentity;
        foreach (var item in claimed)
        {
            try
            {
                pass += await ProcessAsync(item, workspaces, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // One row's trouble (e.g. the database refused a statement) must not stall the others. The
                // row keeps its lease and is claimed again when the lease runs out.
                OnUnhandled(item, e);
            }
        }

        return pass;
    }

    /// <summary>
    /// Called once nothing more can be claimed in a pass: a step that left work running (e.g. sends started
    /// concurrently) waits for it here and reports what it did, so a pass ends only once its rows are done.
    /// </summary>
    protected virtual Task<TPass> FinishPassAsync(CancellationToken cancellationToken) => Task.FromResult(TPass.AdditiveIdentity);

    /// <summary>When the next row can be claimed, if the table can tell cheaply; null sleeps a whole poll interval (or until woken).</summary>
    protected virtual Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);

    /// <summary>A step failed in a way it did not handle itself; the row is left to its lease. Override to name the row in the log.</summary>
    protected virtual void OnUnhandled(TItem item, Exception exception) =>
        _logger.LogError(exception, "{Worker} could not handle a claimed row in this pass", _name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _heartbeats?.Beat(_name, Schedule.PollInterval);
            var wait = Schedule.PollInterval;
            try
            {
                await RunOnceAsync(stoppingToken);
                if (await NextDueAsync(stoppingToken) is { } due)
                {
                    wait = SleepUntilDue(due - Clock.GetUtcNow(), Schedule.PollInterval);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the next wake-up or poll tries again.
                _logger.LogError(e, "{Worker} pass failed", _name);
            }

            try
            {
                await _wakeUp.WaitAsync(wait, Clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static TimeSpan SleepUntilDue(TimeSpan untilDue, TimeSpan pollInterval) =>
        untilDue < MinimumWait ? MinimumWait : untilDue < pollInterval ? untilDue : pollInterval;
}
