using Microsoft.Extensions.Options;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>
/// Matches stored signals against their workspace's workflows, off the request path: woken by the
/// intake, on start-up and every poll interval (so signals stored before a crash are not lost).
/// Signals are claimed with a lease, so several instances never hand the same signal at once; a
/// signal whose handler fails stays pending and is retried once its (growing) retry delay passes.
/// </summary>
public sealed class SignalMatchingWorker(
    SignalRepository signals,
    WorkflowRepository workflows,
    InstallationStore installations,
    ISignalMatchHandler handler,
    SignalMatchingTrigger trigger,
    TimeProvider clock,
    IOptions<SignalMatchingOptions> options,
    ILogger<SignalMatchingWorker> logger)
    : LeasedQueueWorker<PendingSignal, SignalMatchingWorker.WorkspaceView, SignalMatchingPass>(
        "Signal matching", options.Value.Schedule, trigger, clock, logger)
{
    private readonly SignalMatchingOptions _options = options.Value;

    protected override Task<IReadOnlyList<PendingSignal>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        signals.ClaimAsync(owner, limit, lease, cancellationToken);

    // A workspace's installation and workflows are read once per batch, not once per signal.
    protected override async Task<WorkspaceView> ReadWorkspaceAsync(string teamId, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(teamId);
        var installed = await installations.IsInstalledAsync(workspace, cancellationToken);
        return new WorkspaceView(installed, installed ? await workflows.ListAsync(workspace, cancellationToken) : []);
    }

    protected override async Task<SignalMatchingPass> ProcessAsync(PendingSignal pending, BatchWorkspaceViews<WorkspaceView> workspaces, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(pending.TeamId);
        try
        {
            var view = await workspaces.GetAsync(pending.TeamId, cancellationToken);
            if (!view.Installed)
            {
                // Nobody is left to notify: done, with nothing matched.
                await signals.MarkMatchedAsync(workspace, pending.Id, 0, cancellationToken);
                logger.LogInformation("Skipped signal {SignalId} of {Workspace}: the app is not installed there", pending.SignalId, workspace);
                return SignalMatchingPass.OneSkipped;
            }

            var stored = new StoredSignal
            {
                Id = pending.Id,
                Signal = SignalReader.ReadStored(pending.RawJson),
                RawJson = pending.RawJson,
                ReceivedAt = pending.ReceivedAt,
                Attempts = pending.Attempts,
            };
            var matches = WorkflowMatcher.Match(stored.Signal, view.Workflows);
            await handler.HandleAsync(workspace, stored, matches, cancellationToken);
            await signals.MarkMatchedAsync(workspace, pending.Id, matches.Count, cancellationToken);
            return SignalMatchingPass.OneMatched;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = Clock.GetUtcNow() + RetryDelay(pending.Attempts);
            logger.LogError(e, "Matching signal {SignalId} of {Workspace} failed (attempt {Attempt}); retrying after {RetryAt}", pending.SignalId, workspace, pending.Attempts + 1, retryAt);
            await RecordFailureAsync(workspace, pending, retryAt, e, cancellationToken);
            return SignalMatchingPass.OneFailed;
        }
    }

    protected override void OnUnhandled(PendingSignal pending, Exception exception) =>
        logger.LogError(exception, "Signal {SignalId} of {Workspace} could not be handled in this pass", pending.SignalId, pending.TeamId);

    private async Task RecordFailureAsync(Workspace workspace, PendingSignal pending, DateTimeOffset retryAt, Exception failure, CancellationToken cancellationToken)
    {
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
