using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.WebApi;

/// <summary>
/// The JSON of a reply to a slash command or interaction: a message and who sees it. A slash command's
/// acknowledgement carries it as is; a <c>response_url</c> post adds what happens to the original message.
/// </summary>
internal static class ReplyJson
{
    /// <summary><c>{"text", "blocks", "response_type"}</c>.</summary>
    public static JsonObject Of(Message message, ResponseType responseType)
    {
        var body = BlockKitJson.ToNode(message);
        body["response_type"] = JsonSerializer.SerializeToNode(responseType, SlackJson.Options);
        return body;
    }

    /// <summary>The body of a <c>response_url</c> post: a new message, a replacement, or a deletion.</summary>
    public static JsonObject Of(ResponseUrlMessage message)
    {
        if (message.DeleteOriginal)
        {
            var deletion = message.Message is { } content ? BlockKitJson.ToNode(content) : new JsonObject();
            deletion["delete_original"] = true;
            return deletion;
        }

        var body = message.Message is { } text
            ? Of(text, message.ResponseType)
            : new JsonObject { ["response_type"] = JsonSerializer.SerializeToNode(message.ResponseType, SlackJson.Options) };

        // Written even when false: left out, Slack may take the reply for a replacement of the message clicked.
        body["replace_original"] = message.ReplaceOriginal;
        if (!string.IsNullOrEmpty(message.ThreadTs))
        {
            body["thread_ts"] = message.ThreadTs;
        }

        return body;
    }
}
