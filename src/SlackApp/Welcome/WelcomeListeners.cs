using SlackApp.Slack.Routing;

namespace SlackApp.Welcome;

/// <summary>Where the welcome meets Slack: the Messages tab's first opening, and the welcome's link button.</summary>
public static class WelcomeListeners
{
    /// <summary>The Messages tab's <c>app_home_opened</c> only; the Home tab's listener takes the Home tab's.</summary>
    public static SlackAppBuilder AddWelcomeListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack
            .Event<MessagesTabOpenedHandler>("app_home_opened", MessagesTabOpenedHandler.Accepts)
            .Action<WelcomeLinkHandler>(WelcomeMessage.OpenHomeActionId);
    }
}
