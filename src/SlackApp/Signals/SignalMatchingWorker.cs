using Microsoft.Extensions.Options;
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
    ILogger<SignalMatchingWorker> logger) : BackgroundService
{
    private readonly SignalMatchingOptions _options = options.Value;

    // Unique per instance and process, so a lease names exactly one worker.
    private readonly string _owner = NewOwner();

    /// <summary>Processes every signal due now (claimed batch after batch) and reports what it did.</summary>
    public async Task<SignalMatchingPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var matched = 0;
        var failed = 0;
        var skipped = 0;
        while (true)
        {
            var claimed = await signals.ClaimAsync(_owner, _options.BatchSize, _options.LeaseDuration, cancellationToken);
            if (claimed.Count == 0)
            {
                return new SignalMatchingPass(matched, failed, skipped);
            }

            // Per batch: a workspace's installation and workflows are read once, not once per signal.
            var workspaces = new Dictionary<string, WorkspaceView>(StringComparer.Ordinal);
            foreach (var pending in claimed)
            {
                switch (await ProcessAsync(pending, workspaces, cancellationToken))
                {
                    case Outcome.Matched: matched++; break;
                    case Outcome.Skipped: skipped++; break;
                    default: failed++; break;
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the next wake-up or poll tries again.
                logger.LogError(e, "Signal matching pass failed");
            }

            try
            {
                await trigger.WaitAsync(_options.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<Outcome> ProcessAsync(PendingSignal pending, Dictionary<string, WorkspaceView> workspaces, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(pending.TeamId);
        try
        {
            if (!workspaces.TryGetValue(pending.TeamId, out var view))
            {
                var installed = await installations.IsInstalledAsync(workspace, cancellationToken);
                view = new WorkspaceView(installed, installed ? await workflows.ListAsync(workspace, cancellationToken) : []);
                workspaces[pending.TeamId] = view;
            }

            if (!view.Installed)
            {
                // Nobody is left to notify: done, with nothing matched.
                await signals.MarkMatchedAsync(workspace, pending.Id, 0, cancellationToken);
                logger.LogInformation("Skipped signal {SignalId} of {Workspace}: the app is not installed there", pending.SignalId, workspace);
                return Outcome.Skipped;
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
            return Outcome.Matched;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + RetryDelay(pending.Attempts);
            logger.LogError(e, "Matching signal {SignalId} of {Workspace} failed (attempt {Attempt}); retrying after {RetryAt}", pending.SignalId, workspace, pending.Attempts + 1, retryAt);
            await RecordFailureAsync(workspace, pending, retryAt, e, cancellationToken);
            return Outcome.Failed;
        }
    }

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

    // Fits lease_owner (100 characters): the unique tail is kept when a machine name is very long.
    private static string NewOwner()
    {
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return owner.Length <= 100 ? owner : owner[^100..];
    }

    private sealed record WorkspaceView(bool Installed, IReadOnlyList<Workflow> Workflows);

    private enum Outcome
    {
        Matched,
        Failed,
        Skipped,
    }
}
