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
    public void Ack() => Ack(new OptionsResponse { Options = [] });

    /// <summary>Acknowledges with <paramref name="response"/>: its options or its option groups, not both.</summary>
    public void Ack(OptionsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Acknowledgement.Acknowledge(SlackAckBody.Options(response));
    }

    /// <summary>Acknowledges with <c>{"options": [...]}</c>.</summary>
    public void Ack(IReadOnlyList<Option> options) => Ack(new OptionsResponse { Options = options });

    /// <summary>Acknowledges with <c>{"option_groups": [...]}</c>.</summary>
    public void Ack(IReadOnlyList<OptionGroup> optionGroups) => Ack(new OptionsResponse { OptionGroups = optionGroups });
}
