using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// The <see cref="ISignalMatchHandler"/> of the app: resolves the recipients of a matched signal and writes one
/// outbox row per recipient, then wakes the delivery worker. Idempotent per stored signal: a second call finds
/// the rows and writes nothing. A transient failure looking people up throws, so the signal is retried later.
/// </summary>
public sealed class NotificationPlanner(
    NotificationOutbox outbox,
    RecipientResolver resolver,
    IInstallationStore installations,
    ISlackApiClientFactory clients,
    WorkspaceSettingsRepository settings,
    NotificationDeliveryTrigger trigger,
    ILogger<NotificationPlanner> logger) : ISignalMatchHandler
{
    public async Task HandleAsync(Workspace workspace, StoredSignal signal, IReadOnlyList<WorkflowMatch> matches, CancellationToken ct)
    {
        if (matches.Count == 0)
        {
            return;
        }

        if (await outbox.HasDeliveriesAsync(workspace, signal.Id, ct))
        {
            // Planned by an earlier call that died before the signal was marked matched.
            trigger.Wake();
            return;
        }

        var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, ct);
        if (installation is null)
        {
            logger.LogInformation("Signal {SignalId} of {Workspace} not notified: the app is not installed there", signal.Signal.Id, workspace);
            return;
        }

        var client = clients.ForToken(installation.BotToken);
        var fallback = (await settings.GetAsync(workspace, ct)).FallbackChannelId;
        var planned = await resolver.ResolveAsync(workspace, client, signal.Signal, matches, fallback, ct);
        var added = await outbox.AddAsync(workspace, signal.Id, planned.Deliveries, planned.People, ct);
        if (added > 0)
        {
            trigger.Wake();
        }
    }
}
