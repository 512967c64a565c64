using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>A notification's Acknowledge button.</summary>
public sealed class AcknowledgeButtonHandler(NotificationAcknowledgements acknowledgements) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        await acknowledgements.AcknowledgeAsync(request, cancellationToken);
    }
}
