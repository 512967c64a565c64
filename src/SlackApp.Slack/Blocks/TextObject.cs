using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>A Block Kit text object: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
[JsonDerivedType(typeof(MarkdownText), "mrkdwn")]
public abstract record TextObject(string Text);

/// <summary>Text shown as typed; <c>emoji</c> turns <c>:smile:</c> codes into emoji.</summary>
public sealed record PlainText(string Text) : TextObject(Text)
{
    public bool? Emoji { get; init; }
}

/// <summary>Text in Slack's mrkdwn; <c>verbatim</c> stops auto-linking of URLs and mentions.</summary>
public sealed record MarkdownText(string Text) : TextObject(Text)
{
    public bool? Verbatim { get; init; }
}
