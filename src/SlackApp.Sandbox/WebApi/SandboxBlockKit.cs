using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;

namespace SlackApp.Sandbox.WebApi;

/// <summary>
/// Checks what the app sends with the platform layer's Block Kit validator, and words each violation as Slack does
/// in <c>response_metadata.messages</c>: <c>[ERROR] reason [json-pointer:/blocks/0/text]</c>.
/// </summary>
internal static class SandboxBlockKit
{
    /// <summary>The reasons a message (fallback text and blocks) would be refused; empty when it is fine.</summary>
    public static IReadOnlyList<string> CheckMessage(string? text, JsonNode? blocks, string pointerPrefix = "")
    {
        if (blocks is null)
        {
            return [];
        }

        if (blocks is not JsonArray array)
        {
            return [$"[ERROR] blocks must be an array [json-pointer:{pointerPrefix}/blocks]"];
        }

        try
        {
            var parsed = array.Deserialize<List<Block>>(SlackJson.Options) ?? [];
            return Words(BlockKitValidator.Validate(new Message(text ?? string.Empty, parsed)), pointerPrefix);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return [$"[ERROR] unsupported or malformed block: {e.Message} [json-pointer:{pointerPrefix}/blocks]"];
        }
    }

    /// <summary>The reasons a modal or Home tab would be refused; empty when it is fine.</summary>
    public static IReadOnlyList<string> CheckView(JsonNode? view, string pointerPrefix = "/view")
    {
        if (view is not JsonObject json)
        {
            return [$"[ERROR] a view object is required [json-pointer:{pointerPrefix}]"];
        }

        try
        {
            var parsed = json.Deserialize<View>(SlackJson.Options);
            return parsed is null
                ? [$"[ERROR] a view object is required [json-pointer:{pointerPrefix}]"]
                : Words(BlockKitValidator.Validate(parsed), pointerPrefix);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return [$"[ERROR] unsupported or malformed view: {e.Message} [json-pointer:{pointerPrefix}]"];
        }
    }

    /// <summary>Gives every block and interactive element the <c>block_id</c> / <c>action_id</c> Slack would, when the app left it out.</summary>
    public static JsonArray? WithIds(JsonArray? blocks)
    {
        if (blocks is null)
        {
            return null;
        }

        var copy = (JsonArray)blocks.DeepClone();
        for (var i = 0; i < copy.Count; i++)
        {
            if (copy[i] is not JsonObject block)
            {
                continue;
            }

            block["block_id"] ??= ShortId(block.ToJsonString() + i);
            foreach (var element in ElementsOf(block))
            {
                if (element["type"]?.GetValue<string>() is { } type && type is not ("image" or "mrkdwn" or "plain_text"))
                {
                    element["action_id"] ??= ShortId(element.ToJsonString() + block["block_id"]);
                }
            }
        }

        return copy;
    }

    /// <summary>A view definition with ids filled in like <see cref="WithIds(JsonArray?)"/>.</summary>
    public static JsonObject WithIds(JsonObject view)
    {
        var copy = (JsonObject)view.DeepClone();
        copy["blocks"] = WithIds(copy["blocks"] as JsonArray) ?? new JsonArray();
        return copy;
    }

    private static IEnumerable<JsonObject> ElementsOf(JsonObject block)
    {
        if (block["accessory"] is JsonObject accessory)
        {
            yield return accessory;
        }

        if (block["element"] is JsonObject element)
        {
            yield return element;
        }

        if (block["type"]?.GetValue<string>() == "actions" && block["elements"] is JsonArray elements)
        {
            foreach (var item in elements.OfType<JsonObject>())
            {
                yield return item;
            }
        }
    }

    private static List<string> Words(IReadOnlyList<BlockKitViolation> violations, string pointerPrefix) =>
        [.. violations.Select(v => $"[ERROR] {v.Message} [json-pointer:{pointerPrefix}{Pointer(v.Path)}]")];

    /// <summary><c>$.blocks[3].text.text</c> as a JSON pointer: <c>/blocks/3/text/text</c>.</summary>
    internal static string Pointer(string path)
    {
        var builder = new StringBuilder();
        foreach (var c in path.TrimStart('$'))
        {
            switch (c)
            {
                case '.' or '[':
                    builder.Append('/');
                    break;
                case ']':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static string ShortId(string seed) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..5].Replace('/', 'x').Replace('+', 'y');
}
