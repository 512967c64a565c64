using System.Text.Json.Nodes;

namespace SlackApp.Sandbox.Workspace;

/// <summary>A conversation of the sandbox workspace: public or private channel, or the app's DM with one member.</summary>
public sealed class SandboxChannel
{
    public required string Id { get; init; }

    /// <summary>The channel name without <c>#</c>; null for a DM.</summary>
    public string? Name { get; init; }

    public bool IsPrivate { get; init; }

    public bool IsArchived { get; init; }

    /// <summary>For a DM: the member the app talks to.</summary>
    public string? DirectMessageUser { get; init; }

    public bool IsDirectMessage => DirectMessageUser is not null;

    public bool IsGeneral { get; init; }

    /// <summary>Who is in the conversation (the bot user included when the app is in it).</summary>
    public required HashSet<string> Members { get; init; }

    public long Created { get; init; } = 1_700_000_000;

    /// <summary>The conversation object of the Conversations API, as seen by <paramref name="viewer"/>.</summary>
    public JsonObject ToJson(string viewer)
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["created"] = Created,
            ["is_im"] = IsDirectMessage,
            ["is_mpim"] = false,
            ["is_archived"] = IsArchived,
            ["is_member"] = Members.Contains(viewer),
        };
        if (IsDirectMessage)
        {
            json["user"] = DirectMessageUser;
            json["is_open"] = true;
            return json;
        }

        json["name"] = Name;
        json["name_normalized"] = Name;
        json["is_channel"] = !IsPrivate;
        json["is_group"] = IsPrivate;
        json["is_private"] = IsPrivate;
        json["is_general"] = IsGeneral;
        json["is_shared"] = false;
        json["is_ext_shared"] = false;
        json["num_members"] = Members.Count;
        return json;
    }
}
