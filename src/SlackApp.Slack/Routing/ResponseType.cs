using System.Text.Json.Serialization;

namespace SlackApp.Slack.Routing;

/// <summary>Who sees a reply to a slash command or interaction.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseType>))]
public enum ResponseType
{
    /// <summary>Only the user who invoked the command or clicked.</summary>
    [JsonStringEnumMemberName("ephemeral")]
    Ephemeral,

    /// <summary>Everyone in the conversation.</summary>
    [JsonStringEnumMemberName("in_channel")]
    InChannel,
}
