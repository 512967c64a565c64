using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.WebApi;

internal sealed partial class SandboxWebApi
{
    private JsonObject ChatPostMessage(SandboxApiCall call)
    {
        if (Postable(call.Text("channel"), out var channel) is { } refusal)
        {
            return refusal;
        }

        var text = call.Text("text");
        var blocks = call.Json("blocks");
        if (text is null && blocks is not JsonArray { Count: > 0 })
        {
            return SandboxApiAnswer.Error("no_text");
        }

        if (SandboxBlockKit.CheckMessage(text, blocks) is { Count: > 0 } reasons)
        {
            return Refuse(call.Method, "invalid_blocks", reasons);
        }

        var message = workspace.Post(channel!.Id, SandboxIdentity.BotUserId, text ?? string.Empty, SandboxBlockKit.WithIds(blocks as JsonArray), threadTs: call.Text("thread_ts"), metadata: call.Json("metadata") as JsonObject);
        return SandboxApiAnswer.Ok(new JsonObject { ["channel"] = channel.Id, ["ts"] = message.Ts, ["message"] = message.ToJson(workspace.TeamId) });
    }

    private JsonObject ChatUpdate(SandboxApiCall call)
    {
        var channel = workspace.Channel(call.Text("channel"));
        if (channel is null)
        {
            return SandboxApiAnswer.Error("channel_not_found");
        }

        if (channel.IsArchived)
        {
            return SandboxApiAnswer.Error("is_archived");
        }

        var message = call.Text("ts") is { } ts ? workspace.Message(channel.Id, ts) : null;
        if (message is null || message.IsEphemeral)
        {
            return SandboxApiAnswer.Error("message_not_found");
        }

        if (message.UserId != SandboxIdentity.BotUserId)
        {
            return SandboxApiAnswer.Error("cant_update_message");
        }

        var text = call.Text("text") ?? message.Text;
        // Slack keeps the old blocks when the update leaves `blocks` out.
        var blocks = call.Arguments.ContainsKey("blocks") ? call.Json("blocks") : message.Blocks;
        if (SandboxBlockKit.CheckMessage(text, blocks) is { Count: > 0 } reasons)
        {
            return Refuse(call.Method, "invalid_blocks", reasons);
        }

        workspace.Replace(message, text, SandboxBlockKit.WithIds(blocks as JsonArray));
        return SandboxApiAnswer.Ok(new JsonObject { ["channel"] = channel.Id, ["ts"] = message.Ts, ["text"] = message.Text, ["message"] = message.ToJson(workspace.TeamId) });
    }

    private JsonObject ChatPostEphemeral(SandboxApiCall call)
    {
        if (Postable(call.Text("channel"), out var channel) is { } refusal)
        {
            return refusal;
        }

        var user = workspace.Member(call.Text("user"));
        if (user is null)
        {
            return SandboxApiAnswer.Error("user_not_found");
        }

        if (!channel!.Members.Contains(user.Id))
        {
            return SandboxApiAnswer.Error("user_not_in_channel");
        }

        var text = call.Text("text");
        var blocks = call.Json("blocks");
        if (text is null && blocks is not JsonArray { Count: > 0 })
        {
            return SandboxApiAnswer.Error("no_text");
        }

        if (SandboxBlockKit.CheckMessage(text, blocks) is { Count: > 0 } reasons)
        {
            return Refuse(call.Method, "invalid_blocks", reasons);
        }

        var message = workspace.Post(channel.Id, SandboxIdentity.BotUserId, text ?? string.Empty, SandboxBlockKit.WithIds(blocks as JsonArray), visibleTo: user.Id);
        return SandboxApiAnswer.Ok(new JsonObject { ["message_ts"] = message.Ts });
    }

    /// <summary>
    /// Where the bot may post: a channel id or name, or a user id (its DM with the app). Public channels need no
    /// membership (<c>chat:write.public</c>); a private one the app is not in answers <c>not_in_channel</c>.
    /// </summary>
    private JsonObject? Postable(string? target, out SandboxChannel? channel)
    {
        channel = target is { Length: > 1 } && target[0] is 'U' or 'W' && workspace.Member(target) is { IsBot: false } person
            ? workspace.DirectMessage(person.Id)
            : workspace.Channel(target);
        if (channel is null)
        {
            return SandboxApiAnswer.Error("channel_not_found");
        }

        if (channel.IsArchived)
        {
            return SandboxApiAnswer.Error("is_archived");
        }

        if ((channel.IsPrivate || channel.IsDirectMessage) && !channel.Members.Contains(SandboxIdentity.BotUserId))
        {
            return SandboxApiAnswer.Error("not_in_channel");
        }

        return null;
    }
}
