using Dapper;
using Microsoft.Extensions.Options;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// Escalates what nobody acted on: every <see cref="NotificationOptions.EscalationCheckInterval"/>, for each enabled
/// workflow that escalates, the signals it sent at least its "escalate after" ago (within the last week, so turning
/// escalation on does not escalate old history) that nobody acknowledged or claimed are marked escalated on every copy,
/// and a notice is queued to the chosen person and/or channel in the same transaction (sent by the delivery worker,
/// paced, retried, with working buttons). Then each copy's message shows it and its thread is told. All state is in the
/// database, so a restart neither loses nor repeats an escalation; only a thread reply can be lost to a crash.
/// </summary>
public sealed class EscalationWorker(
    DbConnectionFactory connections,
    NotificationOutbox outbox,
    SignalCopies copies,
    IInstallationStore installations,
    ISlackApiClientFactory clients,
    NotificationDeliveryTrigger trigger,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<EscalationWorker> logger,
    WorkerHeartbeats? heartbeats = null) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                heartbeats?.Beat("Escalation", options.Value.EscalationCheckInterval);
                await Task.Delay(options.Value.EscalationCheckInterval, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly away; the next check tries again.
                logger.LogError(e, "Escalation check failed");
            }
        }
    }

    /// <summary>One check: escalates what is due now; returns how many signals it escalated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var escalated = 0;
        foreach (var workflow in await EscalatingWorkflowsAsync(cancellationToken))
        {
            var delivery = workflow.Delivery;
            var after = options.Value.EscalationUnit * delivery.EscalateAfterHours!.Value;
            var workspace = new Workspace(workflow.TeamId);
            var due = await outbox.DueForEscalationAsync(workspace, workflow.Id, now - after - LookBack, now - after, BatchSize, cancellationToken);
            var done = new List<long>();
            foreach (var copy in due.DistinctBy(d => d.SignalRowId))
            {
                if (await outbox.TryEscalateAsync(workspace, copy, Targets(delivery), Note(delivery), cancellationToken))
                {
                    done.Add(copy.SignalRowId!.Value);
                }
            }

            if (done.Count == 0)
            {
                continue;
            }

            escalated += done.Count;
            trigger.Wake();
            await TellThreadsAsync(workspace, done, delivery, cancellationToken);
        }

        return escalated;
    }

    private async Task<IReadOnlyList<Workflow>> EscalatingWorkflowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Settings live in delivery_json; the table is small (workflows, not items), so it is read whole and parsed.
        var rows = await connection.QueryAsync<(long Id, string TeamId, string? DeliveryJson)>(new CommandDefinition(
            "SELECT id, team_id, delivery_json FROM workflows WHERE enabled = @Enabled AND delivery_json IS NOT NULL",
            new { Enabled = true },
            cancellationToken: cancellationToken));
        return [.. rows
            .Select(r => new Workflow { Id = r.Id, TeamId = r.TeamId, Name = string.Empty, SignalTypes = [], Recipients = new WorkflowRecipients(), Delivery = WorkflowColumns.Delivery(r.DeliveryJson) })
            .Where(w => w.Delivery.Escalates)];
    }

    private static List<(RecipientKind, string)> Targets(WorkflowDelivery delivery)
    {
        var targets = new List<(RecipientKind, string)>();
        if (delivery.EscalateToUserId is { } user)
        {
            targets.Add((RecipientKind.User, user));
        }

        if (delivery.EscalateToChannelId is { } channel)
        {
            targets.Add((RecipientKind.Channel, channel));
        }

        return targets;
    }

    private static string Note(WorkflowDelivery delivery) =>
        $"Escalated to you: nobody acknowledged or claimed this within {Hours(delivery.EscalateAfterHours!.Value)} of it being sent.";

    private static string Hours(int hours) => hours == 1 ? "1 hour" : $"{hours} hours";

    private async Task TellThreadsAsync(Workspace workspace, IReadOnlyList<long> signals, WorkflowDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, cancellationToken);
            if (installation is null)
            {
                return;
            }

            var to = string.Join(" and ", Targets(delivery).Select(t => t.Item1 == RecipientKind.User ? $"<@{t.Item2}>" : $"<#{t.Item2}>"));
            await copies.ShowAsync(
                clients.ForToken(installation.BotToken),
                workspace,
                signals,
                affected => $":rotating_light: Nobody has acknowledged or claimed this in {Hours(delivery.EscalateAfterHours!.Value)}: escalated to {to}.",
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The escalation is stored and its notices queued; only the thread replies are missing.
            logger.LogWarning(e, "Could not tell the threads of {Count} escalated signals in {Workspace}", signals.Count, workspace);
        }
    }
}
