using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>What a context block may hold: text objects and image elements.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainText), "plain_text")]
[JsonDerivedType(typeof(MarkdownText), "mrkdwn")]
[JsonDerivedType(typeof(ImageElement), "image")]
public interface IContextElement;
