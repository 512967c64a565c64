using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using SlackApp.LocalSandbox;
using SlackApp.Sandbox.Extensions;

namespace SlackApp.Tests.LocalSandbox;

/// <summary>The sandbox's "Send a signal" panel: its samples, and signals sent as a signal source sends them.</summary>
public sealed class SignalsSandboxPanelTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sample_signal_goes_through_the_real_signal_endpoint_signed_with_the_workspace_secret()
    {
        using var app = new LocalSandboxApp();
        using var client = app.CreateClient();
        var panel = Assert.Single((await client.GetFromJsonAsync<JsonArray>("/sandbox/ui/panels", _ct))!)!;
        var sample = panel["presets"]![0]!["text"]!.GetValue<string>();

        var sent = await SendAsync(client, sample);
        var broken = await SendAsync(client, """{"id":"sig_1","type":"new_hire"}""");

        Assert.Equal("signals", panel["id"]!.GetValue<string>());
        Assert.Equal("Send a signal", panel["title"]!.GetValue<string>());
        Assert.StartsWith("202 Accepted\n", sent["output"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"accepted\": 1", sent["output"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(sent["succeeded"]!.GetValue<bool>());
        // Sent, the sample gets a new id, so sending it again is a new signal rather than an ignored retry.
        Assert.NotEqual(Id(sample), Id(sent["text"]!.GetValue<string>()));
        Assert.StartsWith("400 Bad Request\n", broken["output"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(broken["succeeded"]!.GetValue<bool>());
        Assert.Null(broken["text"]);
    }

    [Fact]
    public void The_samples_are_the_four_described_each_with_a_fresh_id_and_the_time_of_asking()
    {
        var panel = Panel(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

        var first = panel.Describe();
        var second = panel.Describe();

        Assert.Equal(
            ["New executive at a Closed Lost account", "Director+ promoted at a Customer account", "Past champion joined a target account", "Owner not in Slack (goes to the fallback)"],
            first.Presets.Select(p => p.Name));
        Assert.All(first.Presets, p => Assert.Matches("^sig_[0-9a-f]{10}$", Id(p.Text)));
        Assert.All(first.Presets, p => Assert.Equal("2026-11-26T09:00:00Z", (string?)JsonNode.Parse(p.Text)!["occurred_at"]));
        Assert.Empty(first.Presets.Select(p => Id(p.Text)).Intersect(second.Presets.Select(p => Id(p.Text))));
        Assert.Equal("former.ae@vendor.example", (string?)JsonNode.Parse(first.Presets[3].Text)!["account"]!["owner_email"]);
        Assert.Equal(["Send signal", "New id"], first.Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task New_id_changes_only_the_id_and_says_so_when_the_text_is_not_json()
    {
        var panel = Panel(DateTimeOffset.UnixEpoch);
        using var http = new HttpClient();
        var sample = panel.Describe().Presets[0].Text;

        var renewed = await panel.PerformAsync(new SandboxPanelRequest(SignalsSandboxPanel.NewIdAction, sample, http), _ct);
        var refused = await panel.PerformAsync(new SandboxPanelRequest(SignalsSandboxPanel.NewIdAction, "{not json", http), _ct);

        var before = JsonNode.Parse(sample)!.AsObject();
        var after = JsonNode.Parse(renewed.Text!)!.AsObject();
        Assert.NotEqual(Id(sample), Id(renewed.Text!));
        after["id"] = before["id"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(before, after));
        Assert.Null(renewed.Output);
        Assert.Equal("The signal is not valid JSON.", refused.Status);
        Assert.Null(refused.Text);
    }

    private static SignalsSandboxPanel Panel(DateTimeOffset now) =>
        new(new ConfigurationBuilder().AddInMemoryCollection([new("Signals:Secret", "s3cret")]).Build(), new FakeTimeProvider(now));

    private static string Id(string signalJson) => JsonNode.Parse(signalJson)!["id"]!.GetValue<string>();

    private async Task<JsonObject> SendAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsync($"/sandbox/ui/panels/{SignalsSandboxPanel.Id}/{SignalsSandboxPanel.SendAction}", new StringContent(text), _ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(_ct))!;
    }
}
