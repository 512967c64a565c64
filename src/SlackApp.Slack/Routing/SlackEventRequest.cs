using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>An Events API event to handle; Slack was already answered before the listener runs, so there is no ack.</summary>
public sealed class SlackEventRequest : SlackRequest<EventCallbackPayload>
{
    internal SlackEventRequest(EventCallbackPayload payload, SlackContext context, SlackAcknowledgement acknowledgement)
        : base(payload, context, acknowledgement)
    {
    }

    /// <summary>The inner event; pattern-match on its type (e.g. <see cref="AppHomeOpenedEvent"/>).</summary>
    public SlackEvent Event => Payload.Event;
}
