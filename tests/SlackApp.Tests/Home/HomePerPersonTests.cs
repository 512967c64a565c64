using System.Text.Json.Nodes;
using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Home;

/// <summary>
/// Home and the list message are drawn for the person looking: members are offered what they can do (list, Send
/// test) and told whom to ask for the rest; everyone sees who the workflow managers are.
/// </summary>
public sealed class HomePerPersonTests : IDisposable
{
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_members_home_offers_send_test_alone_and_says_whom_to_ask()
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(HomeOpened("U0BOB"));

        var blocks = Blocks(_app.LastView("views.publish"));
        var actions = ActionIds(blocks);
        Assert.DoesNotContain(WorkflowActionIds.New, actions);
        Assert.DoesNotContain(HomeActionIds.Settings, actions);
        Assert.DoesNotContain(HomeActionIds.WorkflowMenu, actions);
        var accessory = blocks.Single(b => (string?)b["block_id"] == $"home.workflow.{workflow.Id}")["accessory"]!;
        Assert.Equal("button", (string?)accessory["type"]);
        Assert.Equal(WorkflowActionIds.Test, (string?)accessory["action_id"]);
        var rights = (string?)blocks.Single(b => (string?)b["block_id"] == "home.rights")["elements"]![0]!["text"];
        Assert.Equal(
            "You can list and test workflows. To change them or the settings, ask workspace admins and owners, the person who installed the app (<@U0ADMIN>), and workflow managers (<@U0MIA>).",
            rights);
        Assert.Empty(_app.Slack.Violations);
    }

    [Theory]
    [InlineData("U0ADMIN")]
    [InlineData("U0MIA")]
    public async Task Those_with_rights_get_new_workflow_settings_and_the_workflow_menu(string userId)
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(HomeOpened(userId));

        var blocks = Blocks(_app.LastView("views.publish"));
        Assert.Contains(WorkflowActionIds.New, ActionIds(blocks));
        Assert.Contains(HomeActionIds.Settings, ActionIds(blocks));
        Assert.DoesNotContain(blocks, b => (string?)b["block_id"] == "home.rights");
        Assert.Equal("overflow", (string?)blocks.Single(b => (string?)b["block_id"] == $"home.workflow.{workflow.Id}")["accessory"]!["type"]);
    }

    [Fact]
    public async Task A_members_send_test_on_home_sends_it_and_says_where_it_went()
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(ButtonInHome(WorkflowActionIds.Test, $"home.workflow.{workflow.Id}", workflow.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), userId: "U0BOB"));

        Assert.Equal("U0BOB", _app.Slack.CallsTo("chat.postMessage").Single().Field("channel"));
        Assert.Contains("Sent you a test notification of *Execs*", _app.LastView("views.open").ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_shows_the_workflow_managers_or_that_there_are_none_yet()
    {
        await _app.SendAsync(HomeOpened("U0BOB"));
        var named = Status(_app.LastView("views.publish"));
        await _app.Factory.Service<WorkspaceSettingsRepository>().SetManagersAsync(WorkflowApp.Acme, [], "U0ADMIN", _ct);
        await _app.SendAsync(HomeOpened("U0ADMIN"));
        var none = Status(_app.LastView("views.publish"));

        Assert.Contains("Workflow managers: <@U0MIA>", named, StringComparison.Ordinal);
        Assert.Contains("Workflow managers: none yet (admins can name them under Settings)", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_list_message_offers_send_test_alone_and_says_whom_to_ask()
    {
        var workflow = await _app.SeedAsync("Execs");

        var ack = JsonNode.Parse(await _app.SendAsync(SlackApp.Tests.Fakes.SlackRequests.SlashCommand("workflow list", userId: "U0BOB")))!;

        var blocks = ack["blocks"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal([WorkflowActionIds.Test], ActionIds(blocks));
        Assert.Contains(blocks, b => (string?)b["block_id"] == $"workflow.{workflow.Id}");
        Assert.Contains("To change them or the settings, ask", (string?)blocks.Single(b => (string?)b["block_id"] == "workflow.rights")["elements"]![0]!["text"], StringComparison.Ordinal);
        Assert.Empty(SlackApp.Slack.Blocks.BlockKitValidator.Validate(WorkflowListMessage.Build([workflow], new WorkflowAccess("U0BOB", WorkflowRole.Member, "U0ADMIN", []))));
    }

    [Fact]
    public async Task A_member_pressing_a_stale_pause_button_is_still_refused_by_the_guard()
    {
        // Buttons are only an offer: a member pressing Pause on an admin's forwarded or stale list is still refused.
        var workflow = await _app.SeedAsync("Execs");
        var id = workflow.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Pause, $"workflow.{id}", id, userId: "U0BOB"));

        Assert.True((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);
        Assert.Contains("Sorry, you can't", (string?)Assert.Single(_app.Responses)["text"], StringComparison.Ordinal);
    }

    private static List<JsonObject> Blocks(JsonNode view) => view["blocks"]!.AsArray().OfType<JsonObject>().ToList();

    private static string Status(JsonNode view) => (string)Blocks(view).Single(b => (string?)b["block_id"] == "home.status")["text"]!["text"]!;

    private static List<string> ActionIds(List<JsonObject> blocks) =>
        blocks.SelectMany(b => (b["elements"]?.AsArray() ?? []).Append(b["accessory"]))
            .Select(e => (string?)e?["action_id"]).OfType<string>().ToList();

    public void Dispose() => _app.Dispose();
}
