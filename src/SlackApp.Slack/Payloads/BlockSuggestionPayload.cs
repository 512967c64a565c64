namespace SlackApp.Slack.Payloads;

/// <summary>A <c>block_suggestion</c> payload: an external_select asks for options matching what the user typed.</summary>
public sealed record BlockSuggestionPayload : InteractionPayload
{
    public string ActionId { get; init => field = value ?? ""; } = "";
    public string? BlockId { get; init; }

    /// <summary>What the user has typed so far.</summary>
    public string Value { get; init => field = value ?? ""; } = "";

    public PayloadContainer? Container { get; init; }
    public PayloadChannel? Channel { get; init; }
    public PayloadView? View { get; init; }
}
