using SlackApp.Slack.Blocks;

namespace SlackApp.Slack.Routing;

/// <summary>A message posted to a <c>response_url</c> or returned in a slash command's acknowledgement.</summary>
public sealed record ResponseMessage
{
    /// <summary>The text, or the fallback text when <see cref="Blocks"/> are set.</summary>
    public string? Text { get; init; }

    public IReadOnlyList<Block>? Blocks { get; init; }

    /// <summary>Ephemeral (the default on Slack's side) or in-channel.</summary>
    public ResponseType? ResponseType { get; init; }

    /// <summary>Replace the message the interaction came from instead of posting a new one.</summary>
    public bool? ReplaceOriginal { get; init; }

    /// <summary>Delete the message the interaction came from.</summary>
    public bool? DeleteOriginal { get; init; }

    /// <summary>A message only the interacting user sees.</summary>
    public static ResponseMessage Ephemeral(string text) => new() { Text = text, ResponseType = Routing.ResponseType.Ephemeral };

    /// <summary>A message everyone in the conversation sees.</summary>
    public static ResponseMessage InChannel(string text) => new() { Text = text, ResponseType = Routing.ResponseType.InChannel };

    /// <summary>A reply carrying a Block Kit <paramref name="message"/>.</summary>
    public static ResponseMessage From(Message message, ResponseType responseType) =>
        new() { Text = message.Text, Blocks = message.Blocks, ResponseType = responseType };
}
