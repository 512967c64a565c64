using System.Text.Json.Nodes;
using SlackApp.Tests.Fakes;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Workflows;

/// <summary><c>/usergems workflow …</c> and the buttons of the ephemeral list it answers with.</summary>
public sealed class WorkflowCommandTests : IDisposable
{
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("workflow")]
    [InlineData("workflow list")]
    public async Task List_when_empty_says_so_and_offers_a_new_workflow(string text)
    {
        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand(text)))!;

        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Contains("No workflows yet", ack.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(ack["blocks"]!.AsArray(), b => b!["elements"]?.AsArray().Any(e => (string?)e!["action_id"] == WorkflowActionIds.New) == true);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task List_shows_each_workflow_with_its_summary_and_buttons()
    {
        var on = await _app.SeedAsync("Execs at Closed Lost");
        var paused = await _app.SeedAsync("Promotions", enabled: false);

        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("workflow list")))!;

        var blocks = ack["blocks"]!.AsArray();
        var onButtons = ActionIds(blocks, $"workflow.{on.Id}");
        var pausedButtons = ActionIds(blocks, $"workflow.{paused.Id}");
        Assert.Equal([WorkflowActionIds.Edit, WorkflowActionIds.Pause, WorkflowActionIds.Test, WorkflowActionIds.Delete], onButtons);
        Assert.Equal([WorkflowActionIds.Edit, WorkflowActionIds.Resume, WorkflowActionIds.Test, WorkflowActionIds.Delete], pausedButtons);
        // Delete opens the one delete confirmation modal, as from the command and the Home tab, not a confirm dialog.
        var delete = blocks.Single(b => (string?)b!["block_id"] == $"workflow.{on.Id}")!["elements"]![3]!;
        Assert.Null(delete["confirm"]);
        Assert.Contains(blocks, b => ((string?)b!["text"]?["text"])?.Contains("New hire · VP+ · Closed Lost → DM account owner", StringComparison.Ordinal) == true);
        // Validated by FakeSlack when it comes back through chat.postEphemeral or response_url; here it is the ack.
        Assert.Empty(SlackApp.Slack.Blocks.BlockKitValidator.Validate(WorkflowListMessage.Build(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct), new WorkflowAccess("U0ADMIN", WorkflowRole.Admin, "U0ADMIN", []))));
    }

    [Theory]
    [InlineData("workflow lst", "list")]
    [InlineData("workflow craete", "create")]
    [InlineData("worklfow", "workflow")]
    [InlineData("workflow pasue x", "pause")]
    public async Task A_near_miss_gets_did_you_mean_and_usage(string text, string suggestion)
    {
        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand(text)))!;

        var reply = (string?)ack["text"];
        Assert.Contains($"Did you mean `{suggestion}`?", reply, StringComparison.Ordinal);
        Assert.Contains("/usergems workflow create", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_far_from_every_subcommand_gets_usage_without_a_guess()
    {
        var reply = (string?)JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("workflow banana")))!["text"];

        Assert.DoesNotContain("Did you mean", reply, StringComparison.Ordinal);
        Assert.Contains("/usergems workflow list", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_matches_nothing_lists_the_names_that_exist()
    {
        var execs = await _app.SeedAsync("Execs at Closed Lost");
        await _app.SeedAsync("Promotions");

        var reply = (string?)JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("workflow pause Exec")))!["text"];

        Assert.Contains("No workflow matches `Exec`", reply, StringComparison.Ordinal);
        Assert.Contains($"`Execs at Closed Lost` (#{execs.Id})", reply, StringComparison.Ordinal);
        Assert.Contains("`Promotions`", reply, StringComparison.Ordinal);
        Assert.True((await _app.Workflows.GetAsync(WorkflowApp.Acme, execs.Id, _ct))!.Enabled);
    }

    [Fact]
    public async Task Pause_and_resume_by_name_answer_ephemerally_and_republish_home()
    {
        var workflow = await _app.SeedAsync("Execs at Closed Lost");

        await _app.SendAsync(SlackRequests.SlashCommand("workflow pause \"execs at closed lost\""));
        Assert.False((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);
        await _app.SendAsync(SlackRequests.SlashCommand($"workflow resume #{workflow.Id}"));

        Assert.True((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);
        Assert.Collection(
            _app.Responses,
            paused => Assert.Contains("is paused", (string?)paused["text"], StringComparison.Ordinal),
            resumed => Assert.Contains("is resumed", (string?)resumed["text"], StringComparison.Ordinal));
        Assert.Equal(2, _app.Slack.CallsTo("views.publish").Count(c => c.Field("user_id") == "U0ADMIN"));
    }

    [Fact]
    public async Task Delete_by_command_asks_in_the_confirmation_modal_then_answers_in_the_channel()
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(SlackRequests.SlashCommand("workflow delete Execs"));

        var confirmation = _app.LastView("views.open");
        Assert.Equal(WorkflowActionIds.DeleteConfirmation, (string?)confirmation["callback_id"]);
        Assert.NotNull(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));

        await _app.SendAsync(Submission(confirmation, new JsonObject()));

        Assert.Null(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        var reply = Assert.Single(_app.Responses);
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Equal("Deleted *Execs*.", (string?)reply["text"]);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Pause_resume_and_delete_buttons_of_the_list_change_it_and_refresh_it_in_place()
    {
        var workflow = await _app.SeedAsync("Execs");
        var id = workflow.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Pause, $"workflow.{id}", id));
        Assert.False((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);
        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Resume, $"workflow.{id}", id));
        Assert.True((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);
        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Delete, $"workflow.{id}", id));
        Assert.NotNull(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        await _app.SendAsync(Submission(_app.LastView("views.open"), new JsonObject()));

        Assert.Null(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        Assert.All(_app.Responses, r => Assert.True((bool?)r["replace_original"]));
        Assert.Collection(
            _app.Responses,
            paused => Assert.Equal([WorkflowActionIds.Edit, WorkflowActionIds.Resume, WorkflowActionIds.Test, WorkflowActionIds.Delete], ActionIds(paused["blocks"]!.AsArray(), $"workflow.{id}")),
            resumed => Assert.Equal([WorkflowActionIds.Edit, WorkflowActionIds.Pause, WorkflowActionIds.Test, WorkflowActionIds.Delete], ActionIds(resumed["blocks"]!.AsArray(), $"workflow.{id}")),
            deleted => Assert.Contains("Deleted *Execs*", deleted.ToJsonString(), StringComparison.Ordinal));
        Assert.Equal(3, _app.Slack.CallsTo("views.publish").Count());
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_member_pressing_pause_is_refused_with_who_can_and_nothing_changes()
    {
        var workflow = await _app.SeedAsync("Execs");
        var id = workflow.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Pause, $"workflow.{id}", id, userId: "U0BOB"));
        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Delete, $"workflow.{id}", id, userId: "U0BOB"));

        Assert.True((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);
        Assert.Equal(2, _app.Responses.Count);
        Assert.All(_app.Responses, r =>
        {
            Assert.NotEqual(true, (bool?)r["replace_original"]);
            Assert.Contains("Only workspace admins and owners", (string?)r["text"], StringComparison.Ordinal);
            Assert.Contains("<@U0ADMIN>", (string?)r["text"], StringComparison.Ordinal);
            Assert.Contains("<@U0MIA>", (string?)r["text"], StringComparison.Ordinal);
        });
        Assert.Empty(_app.Slack.CallsTo("views.publish"));
    }

    [Fact]
    public async Task A_button_naming_another_workspaces_workflow_changes_nothing()
    {
        var globex = new SlackApp.Installations.Workspace("T0GLOBEX");
        var theirs = await _app.SeedAsync(WorkflowApp.Draft("Globex alerts"), globex);
        var id = theirs.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Delete, $"workflow.{id}", id));

        Assert.NotNull(await _app.Workflows.GetAsync(globex, theirs.Id, _ct));
        Assert.Contains("doesn't exist in this workspace", (string?)Assert.Single(_app.Responses)["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_DMs_the_asker_a_sample_marked_as_a_test()
    {
        await _app.SeedAsync("Execs");

        await _app.SendAsync(SlackRequests.SlashCommand("workflow test Execs", userId: "U0BOB"));
        var post = await _app.Slack.WaitForAsync("chat.postMessage");

        Assert.Equal("U0BOB", post.Field("channel"));
        Assert.StartsWith("[Test] ", post.Field("text"), StringComparison.Ordinal);
        Assert.Contains("Sent you a test notification", (string?)Assert.Single(_app.Responses)["text"], StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Test_that_slack_refuses_tells_the_asker_why()
    {
        await _app.SeedAsync("Execs");
        _app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.Error("messages_tab_disabled"));

        await _app.SendAsync(SlackRequests.SlashCommand("workflow test Execs", userId: "U0BOB"));
        var notice = await _app.Slack.WaitForAsync("response_url");

        Assert.Contains("messages_tab_disabled", notice.Body.ToJsonString(), StringComparison.Ordinal);
    }

    private static List<string> ActionIds(JsonArray blocks, string blockId) =>
        blocks.Single(b => (string?)b!["block_id"] == blockId)!["elements"]!.AsArray().Select(e => (string)e!["action_id"]!).ToList();

    public void Dispose() => _app.Dispose();
}
