using System.Text.Json.Nodes;

namespace SlackApp.Sandbox.Workspace;

/// <summary>A person (or the app's bot user) in the sandbox workspace.</summary>
public sealed record SandboxMember(string Id, string Name, string RealName, string Title, string Email, bool IsAdmin = false, bool IsOwner = false, bool IsBot = false)
{
    /// <summary>The user object of <c>users.info</c> and <c>users.lookupByEmail</c>.</summary>
    public JsonObject ToJson(string teamId) => new()
    {
        ["id"] = Id,
        ["team_id"] = teamId,
        ["name"] = Name,
        ["real_name"] = RealName,
        ["deleted"] = false,
        ["is_admin"] = IsAdmin,
        ["is_owner"] = IsOwner,
        ["is_primary_owner"] = IsOwner,
        ["is_bot"] = IsBot,
        ["is_app_user"] = false,
        ["tz"] = "Europe/Brussels",
        ["profile"] = new JsonObject
        {
            ["title"] = Title,
            ["real_name"] = RealName,
            ["display_name"] = Name,
            ["email"] = IsBot ? null : Email,
        },
    };
}
