using System.Text.Json.Serialization;

namespace SlackApp.Slack.Blocks;

/// <summary>A surface the app opens or publishes: a modal or the App Home tab.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ModalView), "modal")]
[JsonDerivedType(typeof(HomeView), "home")]
public abstract record View
{
    /// <summary>The blocks shown on the surface (at most 100).</summary>
    public required IReadOnlyList<Block> Blocks { get; init; }

    /// <summary>Identifies the view in <c>view_submission</c> and <c>view_closed</c> payloads.</summary>
    public string? CallbackId { get; init; }

    /// <summary>Opaque state that Slack hands back with interactions (max 3000 chars).</summary>
    public string? PrivateMetadata { get; init; }

    /// <summary>A caller-chosen id for the view, unique per app.</summary>
    public string? ExternalId { get; init; }
}
