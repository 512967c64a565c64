using SlackApp.Slack.Routing;

namespace SlackApp.Installations;

/// <summary>Where the app learns it was removed from a workspace, and which workspaces an org-wide install covers.</summary>
public static class InstallationListeners
{
    public static SlackAppBuilder AddInstallationListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack
            .Event<AppUninstalledHandler>("app_uninstalled")
            .Event<AppUninstalledHandler>("tokens_revoked")
            .Event<TeamAccessHandler>("team_access_granted")
            .Event<TeamAccessHandler>("team_access_revoked");
    }
}
