using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Routing;

/// <summary>A slash command to handle; ack within 3 seconds, optionally with a reply.</summary>
public sealed class SlackCommandRequest : SlackRequest<SlashCommand>
{
    internal SlackCommandRequest(SlashCommand payload, SlackContext context, SlackAcknowledgement acknowledgement)
        : base(payload, context, acknowledgement)
    {
    }

    /// <summary>Acknowledges with an empty 200: Slack shows nothing.</summary>
    public void Ack() => Acknowledgement.Acknowledge(SlackAckBody.Empty);

    /// <summary>Acknowledges with a text reply.</summary>
    public void Ack(string text, ResponseType responseType = ResponseType.Ephemeral) => Ack(new Message(text), responseType);

    /// <summary>Acknowledges with <paramref name="message"/> as the reply, seen by the user alone or by the whole channel.</summary>
    public void Ack(Message message, ResponseType responseType = ResponseType.Ephemeral)
    {
        ArgumentNullException.ThrowIfNull(message);
        Acknowledgement.Acknowledge(SlackAckBody.Message(message, responseType));
    }
}
