using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.AdminApi;

/// <summary>A Web API client bound to a workspace's bot token, for the checks an API write makes against Slack.</summary>
internal sealed class WorkspaceClients(IInstallationStore installations, ISlackApiClientFactory clients)
{
    /// <summary>Null when the workspace has no live installation (uninstalled since the request was let in).</summary>
    public async Task<ISlackApiClient?> GetAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var installation = await installations.FindAsync(workspace.EnterpriseId, workspace.TeamId, isEnterpriseInstall: false, cancellationToken);
        return installation is null ? null : clients.ForToken(installation.BotToken);
    }
}
