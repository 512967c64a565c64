using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>The colour scheme of a button or of a confirmation dialog's confirm button.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ButtonStyle>))]
public enum ButtonStyle
{
    /// <summary>Green: the affirmative action; use for one button in a set at most.</summary>
    [JsonStringEnumMemberName("primary")]
    Primary,

    /// <summary>Red: destructive actions.</summary>
    [JsonStringEnumMemberName("danger")]
    Danger,
}
