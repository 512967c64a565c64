using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>
/// A notification's link buttons (Open in Salesforce, View LinkedIn): the browser opens the link and Slack still
/// sends <c>block_actions</c>, which is acked at once and recorded.
/// </summary>
public sealed class LinkClickHandler(NotificationAcknowledgements acknowledgements) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        await acknowledgements.RecordClickAsync(request, cancellationToken);
    }
}
