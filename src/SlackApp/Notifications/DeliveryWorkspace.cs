using System.Security.Cryptography;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Notifications;

/// <summary>A workspace as the delivery worker sees it, read once per batch.</summary>
/// <param name="Client">A Web API client bound to the workspace's bot token; null once the app is uninstalled.</param>
/// <param name="SalesforceBaseUrl">Where the messages' Salesforce links point.</param>
/// <param name="TokenUnreadable">The stored token cannot be decrypted: the workspace's rows fail until the app is reinstalled.</param>
public sealed record DeliveryWorkspace(ISlackApiClient? Client, string? SalesforceBaseUrl, bool TokenUnreadable = false);

/// <summary>Reads a <see cref="DeliveryWorkspace"/> from the installation and the workspace's settings.</summary>
internal sealed class DeliveryWorkspaceReader(
    IInstallationStore installations,
    ISlackApiClientFactory clients,
    WorkspaceSettingsRepository settings,
    ILogger logger)
{
    // A token that cannot be decrypted makes the workspace's rows fail, not the whole pass.
    public async Task<DeliveryWorkspace> ReadAsync(string teamId, CancellationToken cancellationToken)
    {
        var workspace = new Workspace(teamId);
        try
        {
            var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, cancellationToken);
            if (installation is null)
            {
                return new DeliveryWorkspace(null, null);
            }

            var salesforce = (await settings.GetAsync(workspace, cancellationToken)).SalesforceBaseUrl;
            return new DeliveryWorkspace(clients.ForToken(installation.BotToken), salesforce);
        }
        catch (CryptographicException e)
        {
            logger.LogError(e, "The stored bot token of {Workspace} cannot be decrypted; its notifications fail until the app is reinstalled", workspace);
            return new DeliveryWorkspace(null, null, TokenUnreadable: true);
        }
    }
}
