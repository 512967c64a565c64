using System.Text.Json.Nodes;
using SlackApp.Slack.Tests.Conformance;

namespace SlackApp.Slack.Tests.Manifest;

/// <summary>The manifest wires every Slack request to the one ingress endpoint and asks for exactly the scopes the app uses.</summary>
public sealed class ManifestTests
{
    private static readonly JsonNode Manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestConformanceTests.ManifestFolder(), "manifest.json")))!;

    [Fact]
    public void Every_request_url_points_at_the_one_ingress_endpoint()
    {
        var urls = new[]
        {
            Manifest["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>(),
            Manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>(),
            Manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>(),
            Manifest["settings"]!["interactivity"]!["message_menu_options_url"]!.GetValue<string>(),
        };

        Assert.All(urls, url => Assert.Equal("https://YOUR-HOST/slack/events", url));
        Assert.Equal("https://YOUR-HOST/slack/oauth_redirect", Manifest["oauth_config"]!["redirect_urls"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Bot_scopes_are_exactly_the_ones_the_app_needs()
    {
        var scopes = Manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).Order();

        Assert.Equal(
            new[] { "channels:read", "chat:write", "chat:write.public", "commands", "groups:read", "im:write", "users:read", "users:read.email" },
            scopes);
    }

    [Fact]
    public void Subscribes_to_home_and_uninstall_events_with_home_tab_on_and_token_rotation_off()
    {
        var events = Manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>());

        Assert.Equal(["app_home_opened", "app_uninstalled", "tokens_revoked"], events);
        Assert.True(Manifest["features"]!["app_home"]!["home_tab_enabled"]!.GetValue<bool>());
        Assert.False(Manifest["settings"]!["token_rotation_enabled"]!.GetValue<bool>());
        Assert.Equal("/usergems", Manifest["features"]!["slash_commands"]![0]!["command"]!.GetValue<string>());
        Assert.Equal("workflow [list|create|edit|pause|resume|delete|test|help]", Manifest["features"]!["slash_commands"]![0]!["usage_hint"]!.GetValue<string>());
    }

    [Fact]
    public void The_socket_mode_variant_has_no_request_urls_and_otherwise_matches_the_http_manifest()
    {
        var socket = JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestConformanceTests.ManifestFolder(), "manifest.socket-mode.json")))!;

        Assert.True(socket["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.DoesNotContain("/slack/events", socket.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("https://YOUR-HOST/slack/oauth_redirect", socket["oauth_config"]!["redirect_urls"]![0]!.GetValue<string>());

        // Put the request URLs back and it is the HTTP manifest: same scopes, events, commands and settings.
        var http = Manifest.DeepClone();
        http["features"]!["slash_commands"]![0]!.AsObject().Remove("url");
        http["settings"]!["event_subscriptions"]!.AsObject().Remove("request_url");
        http["settings"]!["interactivity"]!.AsObject().Remove("request_url");
        http["settings"]!["interactivity"]!.AsObject().Remove("message_menu_options_url");
        http["settings"]!["socket_mode_enabled"] = true;
        Assert.True(JsonNode.DeepEquals(http, socket), socket.ToJsonString());
    }
}
