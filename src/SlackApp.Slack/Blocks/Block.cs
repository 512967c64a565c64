using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>A Block Kit layout block; concrete kinds derive from it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(InputBlock), "input")]
[JsonDerivedType(typeof(ImageBlock), "image")]
public abstract record Block
{
    /// <summary>Identifies the block in interaction payloads and view state (max 255 chars).</summary>
    public string? BlockId { get; init; }
}
