using System.Text.Json.Nodes;

namespace SlackApp.Sandbox.Workspace;

/// <summary>A modal in a member's stack, or a member's Home tab, as the app last set it.</summary>
public sealed class SandboxView
{
    public required string Id { get; init; }

    /// <summary>The member who sees it.</summary>
    public required string UserId { get; init; }

    /// <summary>The view as the app sent it (<c>type</c>, <c>blocks</c>, <c>title</c>, ...).</summary>
    public required JsonObject Definition { get; set; }

    public required string Hash { get; set; }

    /// <summary>The blocks of the view's earlier contents, by their hash, the last few kept (see <see cref="SandboxWorkspace.BlocksSeen(SandboxView, string?)"/>).</summary>
    internal List<(string Hash, JsonArray? Blocks)> EarlierBlocks { get; } = [];

    public string RootViewId { get; set; } = string.Empty;

    public string? PreviousViewId { get; set; }

    /// <summary>The conversation the modal was opened from, for <c>default_to_current_conversation</c>.</summary>
    public string? ChannelId { get; init; }

    /// <summary>What the last <c>response_action: errors</c> said, by block id; cleared when the view changes.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string Type => Definition["type"]?.GetValue<string>() ?? "modal";

    public string? ExternalId => Definition["external_id"]?.GetValue<string>();

    /// <summary>The view object of Slack's payloads and <c>views.*</c> answers, with <paramref name="stateValues"/> as its state.</summary>
    public JsonObject ToPayload(string teamId, JsonObject? stateValues = null)
    {
        var json = (JsonObject)Definition.DeepClone();
        json["id"] = Id;
        json["team_id"] = teamId;
        json["type"] = Type;
        json["private_metadata"] ??= string.Empty;
        json["callback_id"] ??= string.Empty;
        json["external_id"] ??= string.Empty;
        json["state"] = new JsonObject { ["values"] = stateValues?.DeepClone() ?? new JsonObject() };
        json["hash"] = Hash;
        json["clear_on_close"] ??= false;
        json["notify_on_close"] ??= false;
        json["previous_view_id"] = PreviousViewId;
        json["root_view_id"] = RootViewId;
        json["app_id"] = Hosting.SandboxIdentity.AppId;
        json["app_installed_team_id"] = teamId;
        json["bot_id"] = Hosting.SandboxIdentity.BotId;
        return json;
    }
}
