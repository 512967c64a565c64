using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>A digest's "Acknowledge all" button.</summary>
public sealed class AcknowledgeAllHandler(NotificationAcknowledgements acknowledgements) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        await acknowledgements.AcknowledgeAllAsync(request, cancellationToken);
    }
}
