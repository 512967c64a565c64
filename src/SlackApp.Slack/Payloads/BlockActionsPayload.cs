using System.Text.Json.Serialization;

namespace SlackApp.Slack.Payloads;

/// <summary>A <c>block_actions</c> payload: a user clicked a button, picked an option, ... in a message or a view.</summary>
public sealed record BlockActionsPayload : InteractionPayload
{
    public PayloadContainer? Container { get; init; }
    public string? TriggerId { get; init; }
    public string? ResponseUrl { get; init; }
    public PayloadChannel? Channel { get; init; }

    /// <summary>The source message, when the element is in a message.</summary>
    public PayloadMessage? Message { get; init; }

    /// <summary>The source view, when the element is in a modal or the Home tab.</summary>
    public PayloadView? View { get; init; }

    /// <summary>The values of the surface's input elements at the time of the action.</summary>
    public ViewState? State { get; init; }

    /// <summary>The interactions; Slack sends one per payload.</summary>
    [JsonConverter(typeof(BlockActionListConverter))]
    public IReadOnlyList<BlockAction> Actions { get; init => field = value ?? []; } = [];
}
