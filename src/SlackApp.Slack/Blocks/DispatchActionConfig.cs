using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>When a plain text input sends <c>block_actions</c> while the user types.</summary>
public sealed record DispatchActionConfig(IReadOnlyList<DispatchTrigger> TriggerActionsOn);

/// <summary>An input event that dispatches a <c>block_actions</c> payload.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DispatchTrigger>))]
public enum DispatchTrigger
{
    /// <summary>The user pressed Enter.</summary>
    [JsonStringEnumMemberName("on_enter_pressed")]
    OnEnterPressed,

    /// <summary>The user typed or removed a character.</summary>
    [JsonStringEnumMemberName("on_character_entered")]
    OnCharacterEntered,
}
