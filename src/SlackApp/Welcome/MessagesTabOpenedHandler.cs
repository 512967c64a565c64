using SlackApp.Installations;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Welcome;

/// <summary>
/// <c>app_home_opened</c> on the Messages tab: the first time a person opens it, the app says hello there, so the
/// tab is never an empty conversation. Slack sends the event on every opening; the welcome is posted once.
/// </summary>
public sealed class MessagesTabOpenedHandler(WelcomeRepository welcomes, ILogger<MessagesTabOpenedHandler> logger) : ISlackHandler<SlackEventRequest>
{
    /// <summary>The events this handler takes: openings of the Messages tab by a person.</summary>
    public static bool Accepts(SlackEvent slackEvent) => slackEvent is AppHomeOpenedEvent { Tab: "messages", User.Length: > 0 };

    public async Task HandleAsync(SlackEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Event is not AppHomeOpenedEvent { Tab: "messages", User.Length: > 0 } opened)
        {
            return;
        }

        var workspace = request.Context.Workspace();
        if (!await welcomes.TryClaimAsync(workspace, opened.User, cancellationToken))
        {
            return;
        }

        try
        {
            // The event names the DM it was opened in; posting to the user id reaches the same conversation.
            var channel = opened.Channel is { Length: > 0 } dm ? dm : opened.User;
            await request.Context.Client.ChatPostMessageAsync(channel, WelcomeMessage.Compose(workspace.TeamId, request.Payload.ApiAppId), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not welcomed after all: the next opening of the tab tries again.
            logger.LogWarning(e, "Could not welcome {UserId} in {Workspace}; the next opening of the Messages tab tries again", opened.User, workspace);
            await welcomes.ReleaseAsync(workspace, opened.User, CancellationToken.None);
        }
    }
}
