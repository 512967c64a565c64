using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// "Send test": DMs the person who asked a sample notification of a workflow, built by the same composer from a
/// made-up signal that matches it and marked as a test. It is kept as a sent test row of the outbox (so its
/// Acknowledge button works) and never as a signal.
/// </summary>
public sealed class TestNotificationSender(
    NotificationOutbox outbox,
    IInstallationStore installations,
    ISlackApiClientFactory clients,
    WorkspaceSettingsRepository settings,
    TimeProvider clock) : ITestNotificationSender
{
    /// <summary>
    /// Sends the test; throws <see cref="SlackApiException"/> when Slack refuses it (the row then ends failed with the
    /// code), and rethrows any other failure after ending the row failed with <see cref="DeliveryErrors.AppError"/>.
    /// </summary>
    public async Task SendAsync(Workspace workspace, Workflow workflow, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(workflow);
        var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, ct);
        if (installation is null)
        {
            return;
        }

        var signal = SampleSignal.For(workflow, clock.GetUtcNow());
        var reasons = WorkflowMatcher.Explain(signal, workflow) ?? [SignalNames.Label(signal.Type)];
        IReadOnlyList<WorkflowMatch> matches = [new WorkflowMatch(workflow, reasons)];
        var people = SampleSignal.PeopleFor(workflow, userId);
        var id = await outbox.AddTestAsync(workspace, userId, StoredMatches.Write(matches), SampleSignal.ToContractJson(signal), people, ct);
        try
        {
            var content = new NotificationContent
            {
                Signal = signal,
                Matches = matches,
                DeliveryId = id,
                SalesforceBaseUrl = (await settings.GetAsync(workspace, ct)).SalesforceBaseUrl,
                IsTest = true,
                People = people,
                ReaderUserId = userId,
            };

            // A DM goes to the user id; Slack answers with the DM's channel, which the Acknowledge button is checked against.
            var posted = await clients.ForToken(installation.BotToken).ChatPostMessageAsync(userId, NotificationComposer.Compose(content), NotificationMetadata.PostOptions(id), ct);
            await outbox.MarkSentAsync(workspace, id, posted.Channel, posted.Ts, CancellationToken.None);
        }
        catch (SlackApiException e)
        {
            await outbox.MarkFailedAsync(workspace, id, e.Error, DeliveryErrors.Explain(e.Error, userId), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            // Nothing else ends a test row: left `sending`, it would show as in flight forever.
            await outbox.MarkFailedAsync(workspace, id, DeliveryErrors.AppError, $"The app failed while sending the test ({e.GetType().Name}).", CancellationToken.None);
            throw;
        }
    }
}
