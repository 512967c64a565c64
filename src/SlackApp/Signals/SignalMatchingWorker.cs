using System.Diagnostics;
using Microsoft.Extensions.Options;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>
/// Matches stored signals against their workspace's workflows, off the request path: woken by the
/// intake, on start-up and every poll interval (so signals stored before a crash are not lost).
/// Signals are claimed with a lease, so several instances never hand the same signal at once. A claimed
/// batch is handled together: matched in memory, planned by the handler in one call, and its planned rows
/// written in the one transaction that marks the batch matched. A signal that fails stays pending and is
/// retried alone once its (growing) retry delay passes; the rest of its batch completes.
/// </summary>
public sealed class SignalMatchingWorker(
    SignalRepository signals,
    WorkflowRepository workflows,
    InstallationStore installations,
    ISignalMatchHandler handler,
    SignalMatchingTrigger trigger,
    SignalTelemetry telemetry,
    TimeProvider clock,
    IOptions<SignalMatchingOptions> options,
    ILogger<SignalMatchingWorker> logger,
    WorkerHeartbeats? heartbeats = null)
    : LeasedQueueWorker<PendingSignal, SignalMatchingWorker.WorkspaceView, SignalMatchingPass>(
        "Signal matching", options.Value.Schedule, trigger, clock, logger, heartbeats)
{
    private readonly SignalMatchingOptions _options = options.Value;

    protected override Task<IReadOnlyList<PendingSignal>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        signals.ClaimAsync(owner, limit, lease, cancellationToken);

    // Sleeps until a leased signal's lease or retry delay runs out, not a whole poll.
    protected override Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        signals.EarliestDueAsync(cancellationToken);

    // A workspace's installation and workflows are read once per batch, not once per signal.
    protected override async Task<WorkspaceView> ReadWorkspaceAsync(string teamId, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(teamId);
        var installed = await installations.IsInstalledAsync(workspace, cancellationToken);
        return new WorkspaceView(installed, installed ? await workflows.ListAsync(workspace, cancellationToken) : []);
    }

    protected override Task<SignalMatchingPass> ProcessAsync(PendingSignal pending, BatchWorkspaceViews<WorkspaceView> workspaces, CancellationToken cancellationToken) =>
        ProcessBatchAsync([pending], workspaces, cancellationToken);

    protected override async Task<SignalMatchingPass> ProcessBatchAsync(IReadOnlyList<PendingSignal> claimed, BatchWorkspaceViews<WorkspaceView> workspaces, CancellationToken cancellationToken)
    {
        // The batch's span (planning, the write) links to each signal's trace; each signal's own span continues it.
        using var activity = SignalTelemetry.Source.StartActivity(
            "signals.match_batch", ActivityKind.Internal, default(ActivityContext), links: [.. claimed.Select(p => SignalTelemetry.LinkTo(p.TraceParent)).OfType<ActivityLink>()]);
        activity?.SetTag("signals.count", claimed.Count);
        var batch = await MatchAsync(claimed, workspaces, cancellationToken);
        var plan = await PlanAsync(batch.Matched, cancellationToken);
        foreach (var (id, failure) in plan.Failures)
        {
            batch.Fail(id, failure);
        }

        foreach (var (id, failure) in await WriteAsync(plan, batch.Done(), cancellationToken))
        {
            batch.Fail(id, failure);
        }

        foreach (var skipped in batch.Skipped.GroupBy(p => p.TeamId))
        {
            // Nobody is left to notify: done, with nothing matched.
            logger.LogInformation("Skipped {Count} signal(s) of {Workspace}: the app is not installed there", skipped.Count(), skipped.Key);
        }

        foreach (var (pending, failure) in batch.Failed)
        {
            await RecordFailureAsync(pending, failure, cancellationToken);
        }

        var now = Clock.GetUtcNow();
        foreach (var settled in batch.Settled)
        {
            telemetry.Matched(now - settled.ReceivedAt);
        }

        return batch.Pass;
    }

    // In memory, after one read per workspace: a signal whose workspace cannot be read or whose JSON cannot be read back fails alone.
    private static async Task<ClaimedSignalBatch> MatchAsync(IReadOnlyList<PendingSignal> claimed, BatchWorkspaceViews<WorkspaceView> workspaces, CancellationToken cancellationToken)
    {
        var batch = new ClaimedSignalBatch();
        foreach (var pending in claimed)
        {
            try
            {
                var view = await workspaces.GetAsync(pending.TeamId, cancellationToken);
                if (!view.Installed)
                {
                    batch.Skip(pending);
                    continue;
                }

                using var span = SignalTelemetry.StartInTrace("signals.match", pending.TraceParent);
                span?.SetTag("slack.team_id", pending.TeamId);
                span?.SetTag("signal.id", pending.SignalId);
                var stored = new StoredSignal
                {
                    Id = pending.Id,
                    Signal = SignalReader.ReadStored(pending.RawJson),
                    RawJson = pending.RawJson,
                    ReceivedAt = pending.ReceivedAt,
                    Attempts = pending.Attempts,
                };
                var matched = new MatchedSignal(new Workspace(pending.TeamId), stored, WorkflowMatcher.Match(stored.Signal, view.Workflows));
                span?.SetTag("signal.matches", matched.Matches.Count);
                batch.Match(pending, matched);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                batch.Fail(pending, e);
            }
        }

        return batch;
    }

    private async Task<ISignalBatchPlan> PlanAsync(IReadOnlyList<MatchedSignal> matched, CancellationToken cancellationToken)
    {
        if (matched.Count == 0)
        {
            return new HandledSignalBatch(new Dictionary<long, Exception>());
        }

        try
        {
            return await handler.PlanAsync(matched, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The handler failed as a whole (not one signal): every signal it was given is retried.
            return new HandledSignalBatch(matched.ToDictionary(m => m.Signal.Id, _ => e));
        }
    }

    // One transaction for the whole batch; if it fails, one per signal, so a signal whose rows the database refuses fails alone.
    private async Task<IReadOnlyList<(long Id, Exception Failure)>> WriteAsync(ISignalBatchPlan plan, IReadOnlyList<SignalMatchResult> done, CancellationToken cancellationToken)
    {
        if (done.Count == 0)
        {
            return [];
        }

        try
        {
            await WriteTogetherAsync(plan, done, cancellationToken);
            return [];
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && done.Count > 1)
        {
            logger.LogWarning(e, "Writing a matched batch of {Count} signals failed; writing them one at a time", done.Count);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return [(done[0].Id, e)];
        }

        var failures = new List<(long, Exception)>();
        foreach (var result in done)
        {
            try
            {
                await WriteTogetherAsync(plan, [result], cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add((result.Id, e));
            }
        }

        return failures;
    }

    private async Task WriteTogetherAsync(ISignalBatchPlan plan, IReadOnlyList<SignalMatchResult> results, CancellationToken cancellationToken)
    {
        var planned = results.Where(r => r.MatchCount > 0).Select(r => r.Id).ToList();
        await signals.MarkMatchedAsync(
            results,
            (transaction, ct) => planned.Count == 0 ? Task.CompletedTask : plan.WriteAsync(transaction, planned, ct),
            cancellationToken);
        plan.Committed();
    }

    private async Task RecordFailureAsync(PendingSignal pending, Exception failure, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(pending.TeamId);
        using var scope = logger.BeginScope("Signal {SignalId} of team {TeamId}", pending.SignalId, pending.TeamId);
        var retryAt = Clock.GetUtcNow() + RetryDelay(pending.Attempts);
        logger.LogError(failure, "Matching signal {SignalId} of {Workspace} failed (attempt {Attempt}); retrying after {RetryAt}", pending.SignalId, workspace, pending.Attempts + 1, retryAt);
        try
        {
            await signals.RecordFailureAsync(workspace, pending.Id, retryAt, $"{failure.GetType().Name}: {failure.Message}", cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The claim's lease still holds it back until it expires; then it is retried anyway.
            logger.LogError(e, "Could not record the failure of signal {SignalId} of {Workspace}", pending.SignalId, workspace);
        }
    }

    private TimeSpan RetryDelay(int earlierAttempts)
    {
        var delay = _options.RetryDelay * Math.Pow(2, Math.Min(earlierAttempts, 20));
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    /// <summary>A workspace as matching sees it: whether the app is still there, and its workflows.</summary>
    public sealed record WorkspaceView(bool Installed, IReadOnlyList<Workflow> Workflows);
}
