using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>A global or message shortcut to handle; the payload is a <see cref="GlobalShortcutPayload"/> or a <see cref="MessageShortcutPayload"/>.</summary>
public sealed class SlackShortcutRequest : SlackRequest<ShortcutPayload>
{
    internal SlackShortcutRequest(ShortcutPayload payload, SlackContext context, SlackAcknowledgement acknowledgement)
        : base(payload, context, acknowledgement)
    {
    }

    /// <summary>Acknowledges with an empty 200.</summary>
    public void Ack() => Acknowledgement.Acknowledge(SlackAckBody.Empty);
}
