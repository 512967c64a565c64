using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.WebApi;

internal sealed partial class SandboxWebApi
{
    private const string Bot = SandboxIdentity.BotUserId;

    private JsonObject ConversationsList(SandboxApiCall call)
    {
        var types = Types(call);
        // What a bot token sees: every public channel, the private channels and DMs it is in.
        return Page(call, workspace.Channels.Where(c =>
            (c.IsDirectMessage && types.Contains("im"))
            || (!c.IsDirectMessage && !c.IsPrivate && types.Contains("public_channel"))
            || (c.IsPrivate && c.Members.Contains(Bot) && types.Contains("private_channel"))));
    }

    // users.conversations with the bot token and user=: the conversations that person is in, private ones only where
    // the app is too (Slack answers for a bot token only with what the token can see).
    private JsonObject UsersConversations(SandboxApiCall call)
    {
        var userId = call.Text("user") ?? Bot;
        if (workspace.Member(userId) is null)
        {
            return SandboxApiAnswer.Error("user_not_found");
        }

        var types = Types(call);
        return Page(call, workspace.Channels.Where(c =>
            c.Members.Contains(userId)
            && ((c.IsDirectMessage && types.Contains("im") && c.Members.Contains(Bot))
                || (!c.IsDirectMessage && !c.IsPrivate && types.Contains("public_channel"))
                || (c.IsPrivate && c.Members.Contains(Bot) && types.Contains("private_channel")))));
    }

    private static string[] Types(SandboxApiCall call) =>
        (call.Text("types") ?? "public_channel").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Slack's cursor paging over conversations, archived ones left out when asked.
    private static JsonObject Page(SandboxApiCall call, IEnumerable<SandboxChannel> conversations)
    {
        var excludeArchived = call.Flag("exclude_archived", fallback: false);
        var limit = int.TryParse(call.Text("limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, 1000) : 100;
        var offset = Offset(call.Text("cursor"));
        if (offset < 0)
        {
            return SandboxApiAnswer.Error("invalid_cursor");
        }

        var visible = conversations.Where(c => !excludeArchived || !c.IsArchived).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var page = visible.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count < visible.Count ? Cursor(offset + page.Count) : string.Empty;
        return SandboxApiAnswer.Ok(new JsonObject
        {
            ["channels"] = new JsonArray([.. page.Select(c => c.ToJson(Bot))]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    private JsonObject ConversationsInfo(SandboxApiCall call)
    {
        var channel = workspace.Channel(call.Text("channel"));
        // A private conversation the app is not in does not exist for its token.
        if (channel is null || ((channel.IsPrivate || channel.IsDirectMessage) && !channel.Members.Contains(Bot)))
        {
            return SandboxApiAnswer.Error("channel_not_found");
        }

        return SandboxApiAnswer.Ok(new JsonObject { ["channel"] = channel.ToJson(Bot) });
    }

    private JsonObject ConversationsOpen(SandboxApiCall call)
    {
        if (call.Text("channel") is { } existing)
        {
            var channel = workspace.Channel(existing);
            return channel is { IsDirectMessage: true }
                ? SandboxApiAnswer.Ok(new JsonObject { ["channel"] = channel.ToJson(Bot), ["already_open"] = true })
                : SandboxApiAnswer.Error("channel_not_found");
        }

        var users = (call.Text("users") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (users.Length == 0)
        {
            return SandboxApiAnswer.Error("users_list_not_supplied");
        }

        if (users.Length > 1)
        {
            // Group DMs are not part of the sandbox: the app only ever opens one-to-one DMs.
            return SandboxApiAnswer.Error("not_supported", ["[ERROR] the sandbox opens DMs with one user only [json-pointer:/users]"]);
        }

        if (workspace.Member(users[0]) is not { IsBot: false } person)
        {
            return SandboxApiAnswer.Error("user_not_found");
        }

        var dm = workspace.DirectMessage(person.Id);
        return SandboxApiAnswer.Ok(new JsonObject { ["channel"] = dm.ToJson(Bot) });
    }

    private JsonObject UsersInfo(SandboxApiCall call) =>
        workspace.Member(call.Text("user")) is { } member
            ? SandboxApiAnswer.Ok(new JsonObject { ["user"] = member.ToJson(workspace.TeamId) })
            : SandboxApiAnswer.Error("user_not_found");

    private JsonObject UsersLookupByEmail(SandboxApiCall call) =>
        workspace.MemberByEmail(call.Text("email")) is { } member
            ? SandboxApiAnswer.Ok(new JsonObject { ["user"] = member.ToJson(workspace.TeamId) })
            : SandboxApiAnswer.Error("users_not_found");

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"offset:{offset}")));

    private static int Offset(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : -1;
        }
        catch (FormatException)
        {
            return -1;
        }
    }
}
