using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Tests.Fakes;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowModalFlowTests;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Workflows;

/// <summary>Every action answers: saves, tests and no-op pauses say what happened, where the person asked.</summary>
public sealed class WorkflowFeedbackTests : IDisposable
{
    private const string General = "C2147483705";
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_a_modal_opened_by_a_command_answers_ephemerally_in_that_channel()
    {
        await _app.SendAsync(SlackRequests.SlashCommand("workflow create"));

        var ack = await _app.SendAsync(Submission(_app.LastView("views.open"), FullForm("Execs")));

        Assert.Equal(string.Empty, ack);
        var answer = Assert.Single(_app.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(General, answer.Field("channel"));
        Assert.Equal("U0ADMIN", answer.Field("user"));
        Assert.Equal(FakeSlack.BotToken, answer.Token);
        Assert.StartsWith(":white_check_mark: Created *Execs*: ", answer.Field("text"), StringComparison.Ordinal);
        Assert.EndsWith("It notifies as signals arrive.", answer.Field("text"), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Saving_an_edit_opened_by_a_list_button_answers_in_the_lists_channel()
    {
        var workflow = await _app.SeedAsync("Execs");
        var id = workflow.Id.ToString(CultureInfo.InvariantCulture);
        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Edit, $"workflow.{id}", id));

        await _app.SendAsync(Submission(_app.LastView("views.open"), FullForm("Execs")));

        var answer = Assert.Single(_app.Slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(General, answer.Field("channel"));
        Assert.StartsWith(":white_check_mark: Saved *Execs*", answer.Field("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_modal_opened_from_home_turns_the_form_into_a_saved_view()
    {
        await _app.SendAsync(ButtonInHome(WorkflowActionIds.New, "home.buttons", "new"));
        var modal = _app.LastView("views.open");

        var form = FullForm("Execs");
        form["enabled"] = new JsonObject { ["enabled.value"] = Checkboxes() };
        var ack = JsonNode.Parse(await _app.SendAsync(Submission(modal, form)))!;

        Assert.Equal("update", (string?)ack["response_action"]);
        Assert.Equal(WorkflowSavedNotice.Title, (string?)ack["view"]!["title"]!["text"]);
        var text = (string?)ack["view"]!["blocks"]![0]!["text"]!["text"];
        Assert.Contains("Created *Execs*", text, StringComparison.Ordinal);
        Assert.Contains("It is paused", text, StringComparison.Ordinal);
        Assert.Empty(_app.Slack.CallsTo("chat.postEphemeral"));
        Assert.Single(_app.Slack.CallsTo("views.publish"));
    }

    [Fact]
    public async Task A_channel_slack_refuses_to_answer_in_is_answered_in_the_dm_instead()
    {
        // A channel id of another workspace in forged private_metadata: the workspace's own token cannot reach it.
        _app.Slack.On("chat.postEphemeral", call => call.Field("channel") == "C0GLOBEX" ? FakeSlackAnswer.Error("channel_not_found") : null);

        await _app.SendAsync(Submission(ModalView(), FullForm("Execs"), privateMetadata: """{"channel_id":"C0GLOBEX"}"""));

        Assert.Equal(["C0GLOBEX", "DU0ADMIN"], _app.Slack.CallsTo("chat.postEphemeral").Select(c => c.Field("channel")));
        Assert.All(_app.Slack.CallsTo("chat.postEphemeral"), c => Assert.Equal(FakeSlack.BotToken, c.Token));
        Assert.Single(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public async Task A_malformed_channel_in_private_metadata_is_ignored_and_the_form_says_saved()
    {
        var ack = JsonNode.Parse(await _app.SendAsync(Submission(ModalView(), FullForm("Execs"), privateMetadata: """{"channel_id":"https://evil.example.com"}""")))!;

        Assert.Equal("update", (string?)ack["response_action"]);
        Assert.Empty(_app.Slack.CallsTo("chat.postEphemeral"));
    }

    [Fact]
    public async Task A_test_asked_for_in_a_channel_says_there_that_it_went_to_the_dm_with_a_link()
    {
        await _app.SeedAsync("Execs");

        await _app.SendAsync(SlackRequests.SlashCommand("workflow test Execs", userId: "U0BOB"));

        Assert.Equal("U0BOB", _app.Slack.CallsTo("chat.postMessage").Single().Field("channel"));
        var reply = Assert.Single(_app.Responses);
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Equal(
            "Sent you a test notification of *Execs*: see <https://slack.com/app_redirect?app=A0KRD7HC3&team=T0ACME|your DM with the app>.",
            (string?)reply["text"]);
    }

    [Fact]
    public async Task A_test_from_the_home_menu_is_told_in_a_modal()
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(OverflowInHome(workflow.Id, "test"));

        Assert.Single(_app.Slack.CallsTo("chat.postMessage"));
        Assert.Contains("Sent you a test notification of *Execs*", _app.LastView("views.open").ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pause", false, "*Execs* is already paused.")]
    [InlineData("resume", true, "*Execs* is already on: it notifies as signals arrive.")]
    public async Task Pausing_a_paused_or_resuming_a_running_workflow_says_so_and_writes_nothing(string verb, bool enabled, string expected)
    {
        var workflow = await _app.SeedAsync("Execs", enabled: enabled);

        await _app.SendAsync(SlackRequests.SlashCommand($"workflow {verb} Execs"));
        await _app.SendAsync(OverflowInHome(workflow.Id, verb));

        var stored = await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct);
        Assert.Equal(workflow.Version, stored!.Version);
        Assert.Equal(enabled, stored.Enabled);
        Assert.Equal(expected, (string?)Assert.Single(_app.Responses)["text"]);
        Assert.Contains(expected, _app.LastView("views.open").ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pausing_from_home_is_shown_by_the_redraw_alone()
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(OverflowInHome(workflow.Id, "pause"));

        Assert.Empty(_app.Slack.CallsTo("views.open"));
        Assert.Contains("Paused", _app.LastView("views.publish").ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, false, true)]
    [InlineData(false, "problem", false, true)]
    [InlineData(true, null, false, false)]
    [InlineData(true, "sent a test", false, true)]
    [InlineData(true, "is paused", true, false)]
    public void A_redrawn_surface_still_tells_problems_and_news_the_redraw_does_not_show(bool done, string? text, bool shownByRedraw, bool tell)
    {
        Assert.Equal(tell, new WorkflowOutcome(done, text) { ShownByRedraw = shownByRedraw }.TellEvenWhenRedrawn);
    }

    [Theory]
    [InlineData("A0KRD7HC3", "T0ACME", "<https://slack.com/app_redirect?app=A0KRD7HC3&team=T0ACME|your DM with the app>")]
    [InlineData("A0KRD7HC3", null, "<https://slack.com/app_redirect?app=A0KRD7HC3|your DM with the app>")]
    [InlineData("A0|evil>", "T0ACME", "your DM with the app (its Messages tab)")]
    [InlineData(null, "T0ACME", "your DM with the app (its Messages tab)")]
    public void The_dm_link_is_slacks_app_redirect_for_well_formed_ids_only(string? appId, string? teamId, string expected)
    {
        Assert.Equal(expected, AppDirectMessage.Link(appId, teamId));
    }

    public void Dispose() => _app.Dispose();
}
