using SlackApp.Slack.Routing;

namespace SlackApp.Welcome;

/// <summary>The welcome's Home tab button: Slack opens the link and still sends <c>block_actions</c>, which only needs its ack.</summary>
public sealed class WelcomeLinkHandler : ISlackHandler<SlackActionRequest>
{
    public Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        return Task.CompletedTask;
    }
}
