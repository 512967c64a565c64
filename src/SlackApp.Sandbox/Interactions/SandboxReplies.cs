using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.WebApi;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Interactions;

/// <summary>
/// Applies a reply the app sends through a <c>response_url</c> (or as a slash command's acknowledgement): a new
/// ephemeral or in-channel message, a replacement of the message clicked, or its deletion.
/// </summary>
internal sealed class SandboxReplies(SandboxWorkspace workspace)
{
    /// <summary>Null when applied; otherwise Slack's error code.</summary>
    public string? Apply(SandboxResponseUrl grant, JsonObject reply, string source)
    {
        var original = grant.MessageTs is { } ts ? workspace.Message(grant.ChannelId, ts) : null;
        if (Flag(reply, "delete_original"))
        {
            if (original is null)
            {
                return "message_not_found";
            }

            workspace.Delete(original);
            return null;
        }

        var text = reply["text"] is JsonValue value && value.TryGetValue<string>(out var t) ? t : null;
        var blocks = reply["blocks"];
        if (text is null && blocks is not JsonArray { Count: > 0 })
        {
            return "no_text";
        }

        if (SandboxBlockKit.CheckMessage(text, blocks) is { Count: > 0 } reasons)
        {
            workspace.Notice($"{source} answered invalid_blocks", reasons);
            return "invalid_blocks";
        }

        var withIds = SandboxBlockKit.WithIds(blocks as JsonArray);
        if (Flag(reply, "replace_original") && original is not null)
        {
            workspace.Replace(original, text ?? string.Empty, withIds);
            return null;
        }

        var inChannel = reply["response_type"]?.GetValue<string>() == "in_channel";
        var threadTs = reply["thread_ts"] is JsonValue thread && thread.TryGetValue<string>(out var tts) ? tts : null;
        workspace.Post(grant.ChannelId, SandboxIdentity.BotUserId, text ?? string.Empty, withIds, visibleTo: inChannel ? null : grant.UserId, threadTs: threadTs);
        return null;
    }

    private static bool Flag(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
