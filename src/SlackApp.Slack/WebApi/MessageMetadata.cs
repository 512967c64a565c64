namespace SlackApp.Slack.WebApi;

/// <summary>Structured data attached to a posted message, read back by events and <c>conversations.history</c>.</summary>
/// <param name="EventType">A snake_case name for what happened, e.g. <c>signal_notified</c>.</param>
/// <param name="EventPayload">The data; values serialise as JSON.</param>
public sealed record MessageMetadata(string EventType, IReadOnlyDictionary<string, object?> EventPayload);

/// <summary>Optional arguments of <c>chat.postMessage</c>; link and media previews are off unless asked for.</summary>
public sealed record PostMessageOptions
{
    /// <summary>Reply in the thread of this parent message.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>With <see cref="ThreadTs"/>: also show the reply in the channel.</summary>
    public bool? ReplyBroadcast { get; init; }
    public MessageMetadata? Metadata { get; init; }
    public bool UnfurlLinks { get; init; }
    public bool UnfurlMedia { get; init; }
}
