using System.Runtime.ExceptionServices;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// The <see cref="ISignalMatchHandler"/> of the app: resolves the recipients of matched signals into one outbox row
/// per recipient, then wakes the delivery worker. A batch is planned together: one outbox read for the signals
/// already planned, one installation and settings read per workspace, and every signal's people looked up at once
/// (the <see cref="SlackUserDirectory"/> shares and bounds the calls). Idempotent per stored signal: a signal whose
/// rows exist is not planned again. A transient failure looking people up fails that signal alone, to be retried.
/// </summary>
public sealed class NotificationPlanner(
    NotificationOutbox outbox,
    RecipientResolver resolver,
    RecipientClocks clocks,
    IInstallationStore installations,
    ISlackApiClientFactory clients,
    WorkspaceSettingsRepository settings,
    NotificationDeliveryTrigger trigger,
    DeliveryTelemetry telemetry,
    ILogger<NotificationPlanner> logger) : ISignalMatchHandler
{
    public async Task HandleAsync(Workspace workspace, StoredSignal signal, IReadOnlyList<WorkflowMatch> matches, CancellationToken ct)
    {
        var plan = await PlanBatchAsync([new MatchedSignal(workspace, signal, matches)], ct);
        if (plan.Failures.TryGetValue(signal.Id, out var failure))
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        await outbox.AddAsync(plan.Planned, ct);
        plan.Committed();
    }

    public async Task<ISignalBatchPlan> PlanAsync(IReadOnlyList<MatchedSignal> batch, CancellationToken ct) => await PlanBatchAsync(batch, ct);

    private async Task<NotificationBatchPlan> PlanBatchAsync(IReadOnlyList<MatchedSignal> batch, CancellationToken ct)
    {
        var plan = new NotificationBatchPlan(outbox, trigger, telemetry);
        var resolving = new List<Task>();
        foreach (var signals in batch.Where(m => m.Matches.Count > 0).GroupBy(m => m.Workspace))
        {
            try
            {
                resolving.AddRange(await PlanWorkspaceAsync(signals.Key, [.. signals], plan, ct));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // The workspace could not be read (e.g. the database is busy): its signals are retried.
                foreach (var signal in signals)
                {
                    plan.Fail(signal.Signal.Id, e);
                }
            }
        }

        await Task.WhenAll(resolving);
        return plan;
    }

    // Reads the workspace, then starts resolving each of its signals not yet planned; returns the resolutions under way.
    private async Task<IEnumerable<Task>> PlanWorkspaceAsync(Workspace workspace, IReadOnlyList<MatchedSignal> signals, NotificationBatchPlan plan, CancellationToken ct)
    {
        var earlier = await outbox.PlannedSignalsAsync(workspace, [.. signals.Select(s => s.Signal.Id)], ct);
        if (earlier.Count > 0)
        {
            // Planned by an earlier pass that died before its signals were marked matched.
            plan.FoundEarlierDeliveries();
        }

        var toPlan = signals.Where(s => !earlier.Contains(s.Signal.Id)).ToList();
        if (toPlan.Count == 0)
        {
            return [];
        }

        var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, ct);
        if (installation is null)
        {
            logger.LogInformation("{Count} signal(s) of {Workspace} not notified: the app is not installed there", toPlan.Count, workspace);
            return [];
        }

        var client = clients.ForToken(installation.BotToken);
        var reader = new WorkspaceReading(workspace, client, await settings.GetAsync(workspace, ct));
        return toPlan.Select(signal => ResolveAsync(reader, signal, plan, ct));
    }

    private async Task ResolveAsync(WorkspaceReading reading, MatchedSignal signal, NotificationBatchPlan plan, CancellationToken ct)
    {
        var (workspace, client, workspaceSettings) = reading;
        try
        {
            var recipients = await resolver.ResolveAsync(workspace, client, signal.Signal.Signal, signal.Matches, workspaceSettings.FallbackChannelId, ct);
            var clocked = await clocks.ApplyAsync(workspace, client, workspaceSettings, recipients.Deliveries, ct);
            plan.Add(new PlannedSignal(workspace, signal.Signal.Id, recipients with { Deliveries = clocked }) { Signal = signal.Signal.Signal });
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            plan.Fail(signal.Signal.Id, e);
        }
    }

    // What the planner read once per workspace for a batch.
    private sealed record WorkspaceReading(Workspace Workspace, ISlackApiClient Client, WorkspaceSettings Settings);
}
