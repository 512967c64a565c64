using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>A <c>block_actions</c> interaction to handle; ack within 3 seconds, reply through <see cref="SlackContext.RespondAsync(string, CancellationToken)"/>.</summary>
public sealed class SlackActionRequest : SlackRequest<BlockActionsPayload>
{
    internal SlackActionRequest(BlockActionsPayload payload, BlockAction action, SlackContext context, SlackAcknowledgement acknowledgement)
        : base(payload, context, acknowledgement) => Action = action;

    /// <summary>The action that matched the listener.</summary>
    public BlockAction Action { get; }

    /// <summary>Acknowledges with an empty 200 (Slack ignores any body for block actions).</summary>
    public void Ack() => Acknowledgement.Acknowledge(SlackAckBody.Empty);
}
