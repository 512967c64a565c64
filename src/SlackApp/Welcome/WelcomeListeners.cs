using SlackApp.Slack.Routing;

namespace SlackApp.Welcome;

/// <summary>Where the welcome meets Slack: the Messages tab's first opening, and the welcome's link button.</summary>
public static class WelcomeListeners
{
    /// <summary>
    /// Register before the Home tab's listeners: theirs takes every <c>app_home_opened</c>, and the first matching
    /// listener is the one that runs.
    /// </summary>
    public static SlackAppBuilder AddWelcomeListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack
            .Event<MessagesTabOpenedHandler>("app_home_opened", MessagesTabOpenedHandler.Accepts)
            .Action<WelcomeLinkHandler>(WelcomeMessage.OpenHomeActionId);
    }
}
