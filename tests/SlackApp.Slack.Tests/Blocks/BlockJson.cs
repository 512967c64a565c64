using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.Tests.Blocks;

/// <summary>Serialises through Slack's JSON conventions and compares JSON by value, not by text.</summary>
internal static class BlockJson
{
    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, SlackJson.Options);

    public static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, SlackJson.Options)!;

    public static void Equal(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"Expected:\n{expectedNode?.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");
    }

    /// <summary>Parses <paramref name="json"/> as <typeparamref name="T"/> and checks it serialises back to the same JSON.</summary>
    public static T RoundTrips<T>(string json)
    {
        var parsed = Parse<T>(json);
        Equal(json, ToNode(parsed));
        return parsed;
    }
}
