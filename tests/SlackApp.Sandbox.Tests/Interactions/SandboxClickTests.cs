using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Workspace;
using static SlackApp.Sandbox.Tests.Answers;

namespace SlackApp.Sandbox.Tests.Interactions;

/// <summary>Clicks reach the app as Slack delivers them: on what the person saw, and only where the person can see.</summary>
public sealed class SandboxClickTests : IAsyncLifetime
{
    private SandboxTestHost _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await SandboxTestHost.StartWithAppAsync();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task A_click_on_a_button_that_someone_elses_click_removed_meanwhile_still_reaches_the_app()
    {
        // Two people see the notification with its Acknowledge button; the first click replaces it without the button.
        var ts = await PostAsync(SandboxSeed.AeAlerts, Buttons(("ack", "Acknowledge")));
        var shown = Assert.Single(_sandbox.Workspace.MessagesIn(SandboxSeed.AeAlerts, SandboxSeed.You)).Revision;
        Assert.True((await ClickAsync(SandboxSeed.AccountExecutive, SandboxSeed.AeAlerts, ts, "ack", shown))["ok"]!.GetValue<bool>());
        AssertOk(await _sandbox.CallAsync("chat.update", new JsonObject { ["channel"] = SandboxSeed.AeAlerts, ["ts"] = ts, ["text"] = "Acknowledged", ["blocks"] = new JsonArray(Section("Acknowledged by <@U0AE>")) }));

        // The second person's page still showed the button: their click reaches the app, which answers who came first.
        var late = await ClickAsync(SandboxSeed.You, SandboxSeed.AeAlerts, ts, "ack", shown);

        Assert.True(late["ok"]!.GetValue<bool>(), late.ToJsonString());
        Assert.Equal([SandboxSeed.AccountExecutive, SandboxSeed.You], _sandbox.AppRequests.Select(r => r["user"]!["id"]!.GetValue<string>()));
        Assert.All(_sandbox.AppRequests, r => Assert.Equal("ack", r["actions"]![0]!["action_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_click_naming_no_revision_is_looked_up_in_the_message_as_it_is_now()
    {
        var ts = await PostAsync(SandboxSeed.General, Buttons(("ack", "Acknowledge")));
        AssertOk(await _sandbox.CallAsync("chat.update", new JsonObject { ["channel"] = SandboxSeed.General, ["ts"] = ts, ["text"] = "done", ["blocks"] = new JsonArray(Section("done")) }));

        var outcome = await ClickAsync(SandboxSeed.You, SandboxSeed.General, ts, "ack", revision: null);

        Assert.Equal("action_not_found", outcome["error"]!.GetValue<string>());
        Assert.Empty(_sandbox.AppRequests);
    }

    [Fact]
    public async Task A_click_on_a_home_tab_the_app_has_republished_since_still_reaches_the_app()
    {
        var first = await _sandbox.CallAsync("views.publish", new JsonObject { ["user_id"] = SandboxSeed.You, ["view"] = HomeWith(Buttons(("home.edit", "Edit"))) });
        var hash = first["view"]!["hash"]!.GetValue<string>();
        AssertOk(await _sandbox.CallAsync("views.publish", new JsonObject { ["user_id"] = SandboxSeed.You, ["view"] = HomeWith(Section("No workflows yet")) }));

        var response = await _sandbox.Client.PostAsJsonAsync(
            "/sandbox/ui/action",
            new { As = SandboxSeed.You, Surface = "home", ViewId = first["view"]!["id"]!.GetValue<string>(), ViewHash = hash, BlockId = "b", ActionId = "home.edit" },
            TestContext.Current.CancellationToken);

        var outcome = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        Assert.True(outcome["ok"]!.GetValue<bool>(), outcome.ToJsonString());
        Assert.Equal("home.edit", Assert.Single(_sandbox.AppRequests)["actions"]![0]!["action_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_click_on_a_message_in_someone_elses_dm_is_refused_and_never_reaches_the_app()
    {
        var ts = await PostAsync(SandboxSeed.You, Buttons(("ack", "Acknowledge")));
        var dm = SandboxSeed.DirectMessageId(SandboxSeed.You);

        var outcome = await ClickAsync(SandboxSeed.AccountExecutive, dm, ts, "ack", revision: 0);

        Assert.Equal("message_not_found", outcome["error"]!.GetValue<string>());
        Assert.Empty(_sandbox.AppRequests);
        Assert.True((await ClickAsync(SandboxSeed.You, dm, ts, "ack", revision: 0))["ok"]!.GetValue<bool>());
        Assert.Single(_sandbox.AppRequests);
    }

    [Fact]
    public async Task A_person_sees_only_their_own_dm_with_the_app()
    {
        await PostAsync(SandboxSeed.You, Buttons(("ack", "Acknowledge")));

        var asAvery = (await _sandbox.Client.GetFromJsonAsync<JsonObject>("/sandbox/ui/state?as=U0AE", TestContext.Current.CancellationToken))!;

        var dms = asAvery["channels"]!.AsArray().Where(c => c!["is_im"]!.GetValue<bool>()).Select(c => c!["id"]!.GetValue<string>());
        Assert.Equal([SandboxSeed.DirectMessageId(SandboxSeed.AccountExecutive)], dms);
        Assert.Null(asAvery["messages"]![SandboxSeed.DirectMessageId(SandboxSeed.You)]);
    }

    private async Task<string> PostAsync(string channel, JsonObject block)
    {
        var posted = await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = channel, ["text"] = "New executive at Acme Corp", ["blocks"] = new JsonArray(block) });
        AssertOk(posted);
        return posted["ts"]!.GetValue<string>();
    }

    private async Task<JsonObject> ClickAsync(string userId, string channel, string ts, string actionId, int? revision)
    {
        var response = await _sandbox.Client.PostAsJsonAsync(
            "/sandbox/ui/action",
            new { As = userId, Surface = "message", ChannelId = channel, MessageTs = ts, MessageRevision = revision, BlockId = "b", ActionId = actionId },
            TestContext.Current.CancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    private static JsonObject Buttons(params (string ActionId, string Text)[] buttons) => new()
    {
        ["type"] = "actions",
        ["block_id"] = "b",
        ["elements"] = new JsonArray([.. buttons.Select(b => (JsonNode)new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = b.ActionId,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = b.Text },
        })]),
    };

    private static JsonObject HomeWith(JsonObject block) => new() { ["type"] = "home", ["blocks"] = new JsonArray(block) };
}
