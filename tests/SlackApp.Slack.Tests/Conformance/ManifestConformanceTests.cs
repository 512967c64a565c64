using System.Text.Json.Nodes;
using Json.Schema;

namespace SlackApp.Slack.Tests.Conformance;

/// <summary>Every manifest in manifest/ validates against Slack's published app manifest schema.</summary>
public sealed class ManifestConformanceTests
{
    private const string RemoteBase = "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/";

    public static TheoryData<string> Manifests() => [.. Directory.EnumerateFiles(ManifestFolder(), "*.json").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Manifest_validates_against_slacks_schema(string fileName)
    {
        var folder = SlackFixtures.PathOf(Path.Combine("schemas", "manifest"));
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        // The top-level schema $refs remote copies of the versioned files that sit beside it.
        foreach (var version in new[] { "manifest.schema.1.0.0.json", "manifest.schema.2.0.0.json" })
        {
            options.SchemaRegistry.Register(new Uri(RemoteBase + version), JsonSchema.FromFile(Path.Combine(folder, version)));
        }

        var schema = JsonSchema.FromFile(Path.Combine(folder, "manifest.schema.json"));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder(), fileName)));

        var result = schema.Evaluate(manifest, options);

        var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void Schema_check_rejects_a_broken_manifest()
    {
        var folder = SlackFixtures.PathOf(Path.Combine("schemas", "manifest"));
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        options.SchemaRegistry.Register(new Uri(RemoteBase + "manifest.schema.1.0.0.json"), JsonSchema.FromFile(Path.Combine(folder, "manifest.schema.1.0.0.json")));
        options.SchemaRegistry.Register(new Uri(RemoteBase + "manifest.schema.2.0.0.json"), JsonSchema.FromFile(Path.Combine(folder, "manifest.schema.2.0.0.json")));
        var schema = JsonSchema.FromFile(Path.Combine(folder, "manifest.schema.json"));

        var broken = JsonNode.Parse("""{"display_information":{"name":"x"},"features":{"slash_commands":[{"command":"usergems","description":"no slash"}]}}""");

        Assert.False(schema.Evaluate(broken, options).IsValid);
    }

    internal static string ManifestFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlackApp.sln")))
            {
                return Path.Combine(dir.FullName, "manifest");
            }
        }

        throw new DirectoryNotFoundException("The repository root (SlackApp.sln) was not found above the test binaries.");
    }
}
