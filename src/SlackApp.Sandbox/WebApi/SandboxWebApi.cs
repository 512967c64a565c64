using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.SocketMode;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.WebApi;

/// <summary>
/// The sandbox's Web API, with Slack's semantics for every method the app calls: the token check first, then each
/// method's own refusals (<c>channel_not_found</c>, <c>not_in_channel</c>, <c>is_archived</c>, <c>invalid_blocks</c>, ...).
/// </summary>
internal sealed partial class SandboxWebApi(SandboxWorkspace workspace, SandboxSecrets secrets, SandboxSocketHub sockets, IOptions<SandboxOptions> options)
{
    public JsonObject Call(SandboxApiCall call)
    {
        if (call.Method == "apps.connections.open")
        {
            return AppsConnectionsOpen(call);
        }

        if (call.Token is null)
        {
            return SandboxApiAnswer.Error("not_authed");
        }

        if (!string.Equals(call.Token, secrets.BotToken, StringComparison.Ordinal))
        {
            return SandboxApiAnswer.Error("invalid_auth");
        }

        if (call.IsInvalidJson)
        {
            return SandboxApiAnswer.Error("invalid_json");
        }

        return call.Method switch
        {
            "auth.test" => AuthTest(),
            "chat.postMessage" => ChatPostMessage(call),
            "chat.update" => ChatUpdate(call),
            "chat.postEphemeral" => ChatPostEphemeral(call),
            "views.open" => ViewsOpen(call),
            "views.push" => ViewsPush(call),
            "views.update" => ViewsUpdate(call),
            "views.publish" => ViewsPublish(call),
            "conversations.list" => ConversationsList(call),
            "conversations.info" => ConversationsInfo(call),
            "conversations.open" => ConversationsOpen(call),
            "users.info" => UsersInfo(call),
            "users.conversations" => UsersConversations(call),
            "users.lookupByEmail" => UsersLookupByEmail(call),
            _ => SandboxApiAnswer.Error("unknown_method"),
        };
    }

    /// <summary>Slack's answer to the app-level token: a single-use WebSocket URL; any other token is refused as Slack refuses it.</summary>
    private JsonObject AppsConnectionsOpen(SandboxApiCall call)
    {
        if (call.Token is null)
        {
            return SandboxApiAnswer.Error("not_authed");
        }

        if (string.Equals(call.Token, secrets.BotToken, StringComparison.Ordinal))
        {
            return SandboxApiAnswer.Error("not_allowed_token_type");
        }

        if (!options.Value.SocketMode || !string.Equals(call.Token, secrets.AppToken, StringComparison.Ordinal))
        {
            return SandboxApiAnswer.Error("invalid_auth");
        }

        return SandboxApiAnswer.Ok(new JsonObject { ["url"] = sockets.IssueUrl() });
    }

    private JsonObject AuthTest() => SandboxApiAnswer.Ok(new JsonObject
    {
        ["url"] = $"https://{SandboxIdentity.TeamDomain}.slack.test/",
        ["team"] = SandboxIdentity.TeamName,
        ["user"] = workspace.Bot.Name,
        ["team_id"] = workspace.TeamId,
        ["user_id"] = SandboxIdentity.BotUserId,
        ["bot_id"] = SandboxIdentity.BotId,
        ["is_enterprise_install"] = false,
    });

    /// <summary>A refusal the developer should see at once: kept as a banner on the page, and answered.</summary>
    private JsonObject Refuse(string method, string code, IReadOnlyList<string> reasons)
    {
        workspace.Notice($"{method} answered {code}", reasons);
        return SandboxApiAnswer.Error(code, reasons);
    }
}
