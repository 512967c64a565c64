using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Page;

/// <summary>Everything the page shows for one member, in one JSON object: the page redraws from it after every change.</summary>
internal static class SandboxSnapshot
{
    public static JsonObject For(SandboxWorkspace workspace, string viewer, SandboxOptions options)
    {
        var members = workspace.Members;
        var channels = workspace.Channels
            .Where(c => c.IsDirectMessage ? c.DirectMessageUser == viewer : !c.IsPrivate || c.Members.Contains(viewer))
            .OrderBy(c => c.IsDirectMessage)
            .ThenBy(c => c.IsArchived)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var dm = workspace.DirectMessage(viewer);
        if (!channels.Contains(dm))
        {
            channels.Add(dm);
        }

        var messages = new JsonObject();
        foreach (var channel in channels)
        {
            messages[channel.Id] = new JsonArray([.. workspace.MessagesIn(channel.Id, viewer).Select(m => Message(m, workspace.TeamId))]);
        }

        var stack = workspace.ModalStack(viewer);
        return new JsonObject
        {
            ["version"] = workspace.Version,
            ["team"] = new JsonObject { ["id"] = workspace.TeamId, ["name"] = SandboxIdentity.TeamName },
            ["app"] = new JsonObject
            {
                ["id"] = SandboxIdentity.AppId,
                ["name"] = workspace.Bot.RealName,
                ["bot_user_id"] = SandboxIdentity.BotUserId,
                ["dm"] = dm.Id,
                ["composer_hint"] = options.ComposerHint,
                ["messages_read_only"] = options.MessagesTabReadOnly,
            },
            ["me"] = viewer,
            ["members"] = new JsonArray([.. members.Select(m => new JsonObject
            {
                ["id"] = m.Id,
                ["name"] = m.Name,
                ["real_name"] = m.RealName,
                ["title"] = m.Title,
                ["email"] = m.IsBot ? null : m.Email,
                ["is_admin"] = m.IsAdmin,
                ["is_bot"] = m.IsBot,
            })]),
            ["channels"] = new JsonArray([.. channels.Select(c => new JsonObject
            {
                ["id"] = c.Id,
                ["name"] = c.Name,
                ["is_private"] = c.IsPrivate,
                ["is_archived"] = c.IsArchived,
                ["is_im"] = c.IsDirectMessage,
                ["app_is_member"] = c.Members.Contains(SandboxIdentity.BotUserId),
            })]),
            ["messages"] = messages,
            ["home"] = workspace.Home(viewer) is { } home ? View(home, workspace.TeamId) : null,
            ["modal"] = stack.Count > 0 ? View(stack[^1], workspace.TeamId) : null,
            ["modal_depth"] = stack.Count,
            ["notices"] = new JsonArray([.. workspace.Notices.Select(n => new JsonObject
            {
                ["id"] = n.Id,
                ["at"] = n.At.ToString("O"),
                ["title"] = n.Title,
                ["details"] = new JsonArray([.. n.Details.Select(d => (JsonNode)JsonValue.Create(d))]),
            })]),
        };
    }

    private static JsonObject Message(SandboxMessage message, string teamId)
    {
        var json = message.ToJson(teamId);
        json["channel"] = message.ChannelId;
        json["is_ephemeral"] = message.IsEphemeral;
        json["revision"] = message.Revision;
        return json;
    }

    private static JsonObject View(SandboxView view, string teamId)
    {
        var json = view.ToPayload(teamId);
        json["errors"] = new JsonObject([.. view.Errors.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, e.Value))]);
        return json;
    }
}
