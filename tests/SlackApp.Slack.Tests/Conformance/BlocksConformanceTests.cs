using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.Tests.Conformance;

/// <summary>Block Kit as Slack itself sends it, in the payloads captured from Slack's SDK test suites.</summary>
public sealed class BlocksConformanceTests
{
    // Every "type" our model knows: block kinds, element kinds and text objects.
    private static readonly HashSet<string> ModelledTypes =
    [
        .. Discriminators(typeof(Block)),
        .. Discriminators(typeof(BlockElement)),
        .. Discriminators(typeof(TextObject)),
    ];

    [Fact]
    public void Options_response_of_an_app_parses_into_options()
    {
        var json = File.ReadAllText(SlackFixtures.PathOf("requests/interactivity/block_suggestion-response-options.json"));

        var response = JsonSerializer.Deserialize<OptionsResponse>(json, SlackJson.Options)!;

        var option = Assert.Single(response.Options!);
        Assert.Equal(new Option(new PlainText("Maru"), "maru"), option);
        Assert.Null(response.OptionGroups);
        Assert.Empty(BlockKitValidator.Validate(response));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonSerializer.SerializeToNode(response, SlackJson.Options)));
    }

    [Fact]
    public void Blocks_inside_Slack_payloads_parse_keep_their_fields_and_pass_the_validator()
    {
        var failures = new List<string>();
        var checkedBlocks = 0;
        foreach (var file in SlackFixtures.Files("requests"))
        {
            var name = Path.GetRelativePath(SlackFixtures.RequireRoot(), file);
            foreach (var (path, blocks, surface) in BlockLists(JsonNode.Parse(File.ReadAllText(file)), "$"))
            {
                var parsed = new List<Block>();
                for (var i = 0; i < blocks.Count; i++)
                {
                    var blockJson = blocks[i]!;
                    if (!OnlyModelledTypes(blockJson))
                    {
                        continue; // rich_text, timepicker...: kinds we do not model are skipped, not failures.
                    }

                    var block = blockJson.Deserialize<Block>(SlackJson.Options)!;
                    var written = JsonSerializer.SerializeToNode(block, SlackJson.Options);
                    if (!IsContainedIn(written, blockJson))
                    {
                        failures.Add($"{name} {path}[{i}]: wrote {written?.ToJsonString()} from {blockJson.ToJsonString()}");
                    }

                    parsed.Add(block);
                    checkedBlocks++;
                }

                failures.AddRange(BlockKitValidator.Validate(parsed, surface).Select(v => $"{name} {path}: {v}"));
            }
        }

        Assert.Empty(failures);
        // Guards against a vacuous pass: the fixtures hold several dozen blocks of modelled kinds.
        Assert.True(checkedBlocks >= 40, $"only {checkedBlocks} blocks were checked");
    }

    [Fact]
    public void Views_inside_Slack_payloads_parse_as_modal_or_home()
    {
        var views = 0;
        foreach (var file in SlackFixtures.Files("requests"))
        {
            foreach (var viewJson in Views(JsonNode.Parse(File.ReadAllText(file))))
            {
                if (!(viewJson["blocks"]?.AsArray() ?? []).All(block => block is not null && OnlyModelledTypes(block)))
                {
                    continue;
                }

                var view = viewJson.Deserialize<View>(SlackJson.Options)!;
                var expectedType = (string?)viewJson["type"] == "home" ? typeof(HomeView) : typeof(ModalView);
                Assert.IsType(expectedType, view);
                Assert.Equal((string?)viewJson["callback_id"], view.CallbackId);
                if (view is ModalView modal)
                {
                    Assert.Equal((string?)viewJson["title"]?["text"], modal.Title.Text);
                }

                views++;
            }
        }

        Assert.True(views >= 15, $"only {views} views were parsed");
    }

    private static IEnumerable<string> Discriminators(Type type) =>
        type.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(attribute => (string)attribute.TypeDiscriminator!);

    /// <summary>Every "blocks" array in a payload, with the surface it belongs to (a view's type, else a message).</summary>
    private static IEnumerable<(string Path, JsonArray Blocks, BlockSurface Surface)> BlockLists(JsonNode? node, string path)
    {
        if (node is JsonObject obj)
        {
            if (obj["blocks"] is JsonArray blocks)
            {
                var surface = (string?)(obj["type"] as JsonValue) switch
                {
                    "modal" => BlockSurface.Modal,
                    "home" => BlockSurface.Home,
                    _ => BlockSurface.Message,
                };
                yield return ($"{path}.blocks", blocks, surface);
            }

            foreach (var (key, child) in obj)
            {
                foreach (var found in BlockLists(child, $"{path}.{key}"))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var found in BlockLists(array[i], $"{path}[{i}]"))
                {
                    yield return found;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Views(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is JsonValue type && (string?)type is "modal" or "home" && obj["blocks"] is JsonArray)
            {
                yield return obj;
            }

            foreach (var child in obj.Select(pair => pair.Value))
            {
                foreach (var view in Views(child))
                {
                    yield return view;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var view in array.SelectMany(Views))
            {
                yield return view;
            }
        }
    }

    private static bool OnlyModelledTypes(JsonNode node) => node switch
    {
        JsonObject obj => (obj["type"] is not JsonValue type || ModelledTypes.Contains((string?)type ?? ""))
            && obj.All(pair => pair.Value is null || OnlyModelledTypes(pair.Value)),
        JsonArray array => array.All(item => item is null || OnlyModelledTypes(item)),
        _ => true,
    };

    /// <summary>Whether everything we wrote is in Slack's original with the same value (Slack may hold more).</summary>
    private static bool IsContainedIn(JsonNode? ours, JsonNode? theirs) => (ours, theirs) switch
    {
        (JsonObject o, JsonObject t) => o.All(pair => t.TryGetPropertyValue(pair.Key, out var value) && IsContainedIn(pair.Value, value)),
        (JsonArray o, JsonArray t) => o.Count == t.Count && o.Zip(t).All(pair => IsContainedIn(pair.First, pair.Second)),
        _ => JsonNode.DeepEquals(ours, theirs),
    };
}
