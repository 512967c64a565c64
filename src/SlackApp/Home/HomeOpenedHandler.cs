using SlackApp.Installations;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Home;

/// <summary><c>app_home_opened</c> on the Home tab: publishes the person's Home tab.</summary>
public sealed class HomeOpenedHandler(HomeTabPublisher publisher) : ISlackHandler<SlackEventRequest>
{
    public async Task HandleAsync(SlackEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Event is AppHomeOpenedEvent { Tab: "home", User.Length: > 0 } opened)
        {
            await publisher.PublishAsync(request.Context.Workspace(), opened.User, request.Context.Client, 0, cancellationToken);
        }
    }
}
