using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.WebApi;

/// <summary>Writes blocks and views through their polymorphic base types, so each carries its <c>type</c>.</summary>
internal static class BlockKitJson
{
    public static JsonArray ToArray(IEnumerable<Block> blocks) =>
        JsonSerializer.SerializeToNode(blocks.ToList(), SlackJson.Options)!.AsArray();

    public static JsonObject ToNode(View view) =>
        JsonSerializer.SerializeToNode(view, SlackJson.Options)!.AsObject();

    /// <summary><c>{"text": …, "blocks": […]}</c>, the content every message-sending call and reply shares.</summary>
    public static JsonObject ToNode(Message message)
    {
        var node = new JsonObject { ["text"] = message.Text };
        if (message.Blocks is { } blocks)
        {
            node["blocks"] = ToArray(blocks);
        }

        return node;
    }
}
