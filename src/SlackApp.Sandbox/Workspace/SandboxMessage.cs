using System.Text.Json.Nodes;

namespace SlackApp.Sandbox.Workspace;

/// <summary>A message in a sandbox conversation, by a member or by the app; ephemeral ones are seen by one member only.</summary>
public sealed class SandboxMessage
{
    public required string Ts { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>The author: a member, or the bot user for the app's messages.</summary>
    public required string UserId { get; init; }

    /// <summary>Set for the app's messages.</summary>
    public string? BotId { get; init; }

    public required string Text { get; set; }

    public JsonArray? Blocks { get; set; }

    /// <summary>Set for an ephemeral message: the only member who sees it.</summary>
    public string? VisibleTo { get; init; }

    public bool Edited { get; set; }

    public string? ThreadTs { get; init; }

    public JsonObject? Metadata { get; set; }

    public bool IsEphemeral => VisibleTo is not null;

    /// <summary>Counts the message's edits: a page shows one revision, and a click names the revision it was made on.</summary>
    public int Revision { get; set; }

    /// <summary>The blocks of earlier revisions, by revision, the last few kept (see <see cref="SandboxWorkspace.BlocksSeen(SandboxMessage, int?)"/>).</summary>
    internal Dictionary<int, JsonArray?> EarlierBlocks { get; } = [];

    /// <summary>The message object Slack puts in payloads and Web API answers.</summary>
    public JsonObject ToJson(string teamId)
    {
        var json = new JsonObject
        {
            ["type"] = "message",
            ["ts"] = Ts,
            ["user"] = UserId,
            ["team"] = teamId,
            ["text"] = Text,
        };
        if (BotId is not null)
        {
            json["bot_id"] = BotId;
            json["app_id"] = Hosting.SandboxIdentity.AppId;
        }

        if (Blocks is not null)
        {
            json["blocks"] = Blocks.DeepClone();
        }

        if (ThreadTs is not null)
        {
            json["thread_ts"] = ThreadTs;
        }

        if (Edited)
        {
            json["edited"] = new JsonObject { ["user"] = UserId, ["ts"] = Ts };
        }

        if (Metadata is not null)
        {
            json["metadata"] = Metadata.DeepClone();
        }

        return json;
    }
}
