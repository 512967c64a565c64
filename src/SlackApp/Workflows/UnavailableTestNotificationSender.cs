using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;

namespace SlackApp.Workflows;

/// <summary>
/// The stand-in <see cref="ITestNotificationSender"/> until the notifications feature registers its own: tells
/// the user, in an ephemeral message in their DM with the app, that test notifications are not available yet.
/// </summary>
public sealed class UnavailableTestNotificationSender(InstallationStore installations, ISlackApiClientFactory clients) : ITestNotificationSender
{
    public async Task SendAsync(Workspace workspace, Workflow workflow, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(workflow);
        var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, ct);
        if (installation is null)
        {
            return;
        }

        var client = clients.ForToken(installation.BotToken);
        var dm = await client.ConversationsOpenAsync([userId], ct);
        var text = $"Test notifications for *{UntrustedText.Mrkdwn(workflow.Name)}* are not available yet: they arrive with notifications.";
        await client.ChatPostEphemeralAsync(dm.Channel.Id, userId, new Message(text), ct);
    }
}
