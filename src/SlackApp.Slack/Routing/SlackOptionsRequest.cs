using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>An external_select asking for options (<c>block_suggestion</c>); ack with the options to show.</summary>
public sealed class SlackOptionsRequest : SlackRequest<BlockSuggestionPayload>
{
    internal SlackOptionsRequest(BlockSuggestionPayload payload, SlackContext context, SlackAcknowledgement acknowledgement)
        : base(payload, context, acknowledgement)
    {
    }

    /// <summary>What the user has typed so far.</summary>
    public string Query => Payload.Value;

    /// <summary>Acknowledges with no options ("no results").</summary>
    public void Ack() => Ack((IReadOnlyList<Option>)[]);

    /// <summary>Acknowledges with <c>{"options": [...]}</c>.</summary>
    public void Ack(IReadOnlyList<Option> options) => Acknowledgement.Acknowledge(SlackAckBody.Options(options));

    /// <summary>Acknowledges with <c>{"option_groups": [...]}</c>.</summary>
    public void Ack(IReadOnlyList<OptionGroup> optionGroups) => Acknowledgement.Acknowledge(SlackAckBody.OptionGroups(optionGroups));
}
