using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>A Block Kit text object: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
[JsonDerivedType(typeof(MarkdownText), "mrkdwn")]
public abstract record TextObject(string Text);

/// <summary>Text shown as typed; <c>emoji</c> turns <c>:smile:</c> codes into emoji.</summary>
/// <remarks>
/// Not sealed on purpose: many fields are declared as <see cref="PlainText"/> (titles, labels, button
/// text), and System.Text.Json only writes the <c>type</c> discriminator for a declared type that is
/// itself polymorphic, which a sealed type cannot be.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
public record PlainText(string Text) : TextObject(Text), IContextElement
{
    public bool? Emoji { get; init; }
}

/// <summary>Text in Slack's mrkdwn; <c>verbatim</c> stops auto-linking of URLs and mentions.</summary>
public sealed record MarkdownText(string Text) : TextObject(Text), IContextElement
{
    public bool? Verbatim { get; init; }
}
