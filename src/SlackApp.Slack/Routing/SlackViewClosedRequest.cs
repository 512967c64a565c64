using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>A dismissed modal (<c>notify_on_close</c>) to handle.</summary>
public sealed class SlackViewClosedRequest : SlackRequest<ViewClosedPayload>
{
    internal SlackViewClosedRequest(ViewClosedPayload payload, SlackContext context, SlackAcknowledgement acknowledgement)
        : base(payload, context, acknowledgement)
    {
    }

    /// <summary>Acknowledges with an empty 200.</summary>
    public void Ack() => Acknowledgement.Acknowledge(SlackAckBody.Empty);
}
