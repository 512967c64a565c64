using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.WebApi;

/// <summary>A message sent to an interaction's <c>response_url</c>: a new ephemeral or channel message, a replacement, or a deletion.</summary>
public sealed record ResponseUrlMessage
{
    /// <summary>The content; absent only when deleting.</summary>
    public Message? Message { get; init; }

    /// <summary>Who sees a new message (ignored when replacing).</summary>
    public ResponseType ResponseType { get; init; } = ResponseType.Ephemeral;

    /// <summary>Replace the message the interaction came from instead of adding one.</summary>
    public bool ReplaceOriginal { get; init; }

    /// <summary>Delete the message the interaction came from.</summary>
    public bool DeleteOriginal { get; init; }

    /// <summary>Post the new message in this thread.</summary>
    public string? ThreadTs { get; init; }

    /// <summary>A message only the interacting user sees.</summary>
    public static ResponseUrlMessage Ephemeral(Message message) => new() { Message = message };

    /// <summary>A message everyone in the channel sees.</summary>
    public static ResponseUrlMessage InChannel(Message message) => new() { Message = message, ResponseType = ResponseType.InChannel };

    /// <summary>Replaces the message the interaction came from.</summary>
    public static ResponseUrlMessage Replace(Message message) => new() { Message = message, ReplaceOriginal = true };

    /// <summary>Deletes the message the interaction came from.</summary>
    public static ResponseUrlMessage Delete() => new() { DeleteOriginal = true };
}
