using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.WebApi;

/// <summary>Writes blocks and views the way Slack expects them: every derived property, and the <c>type</c>.</summary>
internal static class BlockKitJson
{
    public static JsonArray ToArray(IEnumerable<Block> blocks) => new([.. blocks.Select(ToNode)]);

    public static JsonNode ToNode(Block block) => Serialize(block, typeof(Block));

    public static JsonObject ToNode(View view)
    {
        // The view's blocks are written one by one, so each block gets the same treatment as a message's blocks.
        var node = Serialize(view with { Blocks = [] }, typeof(View)).AsObject();
        node["blocks"] = ToArray(view.Blocks);
        return node;
    }

    // Through the base type when it declares the runtime type as a polymorphic subtype (the `type`
    // discriminator is written then); otherwise as the runtime type, so no derived property is lost.
    private static JsonNode Serialize(object value, Type baseType)
    {
        var derivedTypes = SlackJson.Options.GetTypeInfo(baseType).PolymorphismOptions?.DerivedTypes;
        var declared = derivedTypes?.Any(d => d.DerivedType == value.GetType()) == true ? baseType : value.GetType();
        return JsonSerializer.SerializeToNode(value, declared, SlackJson.Options)
            ?? throw new InvalidOperationException($"{value.GetType().Name} serialised to null.");
    }
}
