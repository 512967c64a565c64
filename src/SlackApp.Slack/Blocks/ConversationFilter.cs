using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>Limits the conversations listed by a conversations select.</summary>
public sealed record ConversationFilter
{
    /// <summary>Only these kinds of conversation are listed; when present it must not be empty.</summary>
    public IReadOnlyList<ConversationType>? Include { get; init; }

    /// <summary>Hides channels shared with other organisations.</summary>
    public bool? ExcludeExternalSharedChannels { get; init; }

    /// <summary>Hides DMs with bots.</summary>
    public bool? ExcludeBotUsers { get; init; }
}

/// <summary>A kind of Slack conversation, as named in conversation filters.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationType>))]
public enum ConversationType
{
    /// <summary>A direct message.</summary>
    [JsonStringEnumMemberName("im")]
    Im,

    /// <summary>A group direct message.</summary>
    [JsonStringEnumMemberName("mpim")]
    Mpim,

    /// <summary>A private channel.</summary>
    [JsonStringEnumMemberName("private")]
    Private,

    /// <summary>A public channel.</summary>
    [JsonStringEnumMemberName("public")]
    Public,
}
