using System.Text.Json.Nodes;
using SlackApp.Slack.Tests.Conformance;

namespace SlackApp.Slack.Tests.Manifest;

/// <summary>
/// The Messages tab carries the app's DMs (notifications, the welcome) and is read-only: the app answers no typed
/// message, so it neither asks to read DMs (<c>im:history</c>) nor subscribes to them (<c>message.im</c>).
/// </summary>
public sealed class MessagesTabManifestTests
{
    private static readonly JsonNode Manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestConformanceTests.ManifestFolder(), "manifest.json")))!;

    [Fact]
    public void The_messages_tab_is_on_and_read_only_and_the_app_reads_no_direct_messages()
    {
        var home = Manifest["features"]!["app_home"]!;
        var scopes = Manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>());
        var events = Manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>());

        Assert.True(home["messages_tab_enabled"]!.GetValue<bool>());
        Assert.True(home["messages_tab_read_only_enabled"]!.GetValue<bool>());
        Assert.DoesNotContain("im:history", scopes);
        Assert.DoesNotContain("message.im", events);
    }
}
