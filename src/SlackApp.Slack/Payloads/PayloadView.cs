using System.Text.Json;

namespace SlackApp.Slack.Payloads;

/// <summary>A modal or Home tab as Slack reports it in interactions and events; its blocks are kept as raw JSON.</summary>
public sealed record PayloadView
{
    public string? Id { get; init; }

    /// <summary><c>modal</c> or <c>home</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Pass to <c>views.update</c> to avoid overwriting a newer version of the view.</summary>
    public string? Hash { get; init; }

    public string? CallbackId { get; init; }
    public string? PrivateMetadata { get; init; }
    public string? ExternalId { get; init; }
    public string? RootViewId { get; init; }
    public string? PreviousViewId { get; init; }
    public string? TeamId { get; init; }
    public string? AppId { get; init; }
    public string? BotId { get; init; }

    /// <summary>The workspace where the app is installed, when the view was opened from another (Slack Connect).</summary>
    public string? AppInstalledTeamId { get; init; }

    /// <summary>The values of the view's input elements.</summary>
    public ViewState State { get; init => field = value ?? ViewState.Empty; } = ViewState.Empty;

    /// <summary>The view's blocks exactly as Slack sent them.</summary>
    public JsonElement? Blocks { get; init; }
}
