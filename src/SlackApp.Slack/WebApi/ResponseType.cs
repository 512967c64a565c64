using System.Text.Json.Serialization;

namespace SlackApp.Slack.WebApi;

/// <summary>Who sees a reply to a slash command or interaction, sent in its acknowledgement or to its <c>response_url</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseType>))]
public enum ResponseType
{
    /// <summary><c>ephemeral</c>: only the user who invoked the command or interacted (Slack's default).</summary>
    [JsonStringEnumMemberName("ephemeral")]
    Ephemeral,

    /// <summary><c>in_channel</c>: everyone in the conversation.</summary>
    [JsonStringEnumMemberName("in_channel")]
    InChannel,
}
