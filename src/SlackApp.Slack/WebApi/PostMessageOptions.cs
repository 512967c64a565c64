namespace SlackApp.Slack.WebApi;

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
