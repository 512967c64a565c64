using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.Routing;

/// <summary>The HTTP body of an acknowledgement: nothing, or a JSON object Slack acts on.</summary>
internal sealed record SlackAckBody(JsonObject? Json)
{
    public static SlackAckBody Empty { get; } = new((JsonObject?)null);

    public static SlackAckBody Message(ResponseMessage message) =>
        new(JsonSerializer.SerializeToNode(message, SlackJson.Options)!.AsObject());

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
        new(new JsonObject { ["response_action"] = "update", ["view"] = ViewNode(view) });

    public static SlackAckBody ViewPush(View view) =>
        new(new JsonObject { ["response_action"] = "push", ["view"] = ViewNode(view) });

    public static SlackAckBody ViewClear() => new(new JsonObject { ["response_action"] = "clear" });

    public static SlackAckBody Options(IReadOnlyList<Option> options) =>
        new(new JsonObject { ["options"] = JsonSerializer.SerializeToNode(options, SlackJson.Options) });

    public static SlackAckBody OptionGroups(IReadOnlyList<OptionGroup> groups) =>
        new(new JsonObject { ["option_groups"] = JsonSerializer.SerializeToNode(groups, SlackJson.Options) });

    private static JsonNode? ViewNode(View view)
    {
        // Serialise through the polymorphic base when it knows this kind (so `type` is written);
        // otherwise as the runtime type, so every member is written.
        var polymorphism = SlackJson.Options.GetTypeInfo(typeof(View)).PolymorphismOptions;
        var knownToBase = polymorphism?.DerivedTypes.Any(derived => derived.DerivedType == view.GetType()) == true;
        return JsonSerializer.SerializeToNode(view, knownToBase ? typeof(View) : view.GetType(), SlackJson.Options);
    }
}
