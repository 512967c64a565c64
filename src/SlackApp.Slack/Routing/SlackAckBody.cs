using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Routing;

/// <summary>The HTTP body of an acknowledgement: nothing, or a JSON object Slack acts on.</summary>
internal sealed record SlackAckBody(JsonObject? Json)
{
    public static SlackAckBody Empty { get; } = new((JsonObject?)null);

    /// <summary>A slash command's reply: the same message-with-response-type a <c>response_url</c> post carries.</summary>
    public static SlackAckBody Message(Message message, ResponseType responseType) => new(ReplyJson.Of(message, responseType));

    public static SlackAckBody ViewErrors(IReadOnlyDictionary<string, string> errors)
    {
        var map = new JsonObject();
        foreach (var (blockId, error) in errors)
        {
            map[blockId] = error;
        }

        return new(new JsonObject { ["response_action"] = "errors", ["errors"] = map });
    }

    public static SlackAckBody ViewUpdate(View view) =>
        new(new JsonObject { ["response_action"] = "update", ["view"] = BlockKitJson.ToNode(view) });

    public static SlackAckBody ViewPush(View view) =>
        new(new JsonObject { ["response_action"] = "push", ["view"] = BlockKitJson.ToNode(view) });

    public static SlackAckBody ViewClear() => new(new JsonObject { ["response_action"] = "clear" });

    /// <summary>A <c>block_suggestion</c> answer; one with neither options nor groups means "no results".</summary>
    public static SlackAckBody Options(OptionsResponse response)
    {
        if (response.Options is not null && response.OptionGroups is not null)
        {
            throw new ArgumentException("An options response holds options or option groups, not both.", nameof(response));
        }

        var json = JsonSerializer.SerializeToNode(response, SlackJson.Options)!.AsObject();
        if (response.Options is null && response.OptionGroups is null)
        {
            json["options"] = new JsonArray();
        }

        return new(json);
    }
}
