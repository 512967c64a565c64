using SlackApp.Slack.Routing;

namespace SlackApp.Installations;

/// <summary>Where the app learns it was removed from a workspace.</summary>
public static class InstallationListeners
{
    public static SlackAppBuilder AddInstallationListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack
            .Event<AppUninstalledHandler>("app_uninstalled")
            .Event<AppUninstalledHandler>("tokens_revoked");
    }
}
