using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;
using SlackApp.SlackUx;

namespace SlackApp.Tests.Workflows;

/// <summary>
/// Slack's deadlines in the workflow flows: the trigger_id expires 3 s after a click, so modals open before any
/// slow work; a submission not answered in time loses its errors, so channel checks run at once within a budget.
/// </summary>
public sealed class SlackDeadlineTests : IDisposable
{
    public const string OpenedViewId = "V0OPENED";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly WorkflowApp _app;

    public SlackDeadlineTests() =>
        _app = new WorkflowApp(factory => factory.WithServices(services => services.AddSingleton<TimeProvider>(_clock)));

    /// <summary>Answers views.open as Slack does, giving the opened view the id <see cref="OpenedViewId"/>.</summary>
    internal static void OpenViewsWithKnownId(FakeSlack slack) => slack.On("views.open", call =>
    {
        var view = (JsonObject)call.Body["view"]!.DeepClone();
        view["id"] = OpenedViewId;
        view["hash"] = "1700000000.abc";
        return FakeSlackAnswer.Ok(new JsonObject { ["view"] = view });
    });

    internal static string? FirstText(JsonNode view) => (string?)view["blocks"]![0]!["text"]!["text"];

    [Fact]
    public async Task Edit_button_checks_rights_then_opens_the_filled_editor_with_the_trigger()
    {
        var workflow = await _app.SeedAsync("Execs");
        OpenViewsWithKnownId(_app.Slack);

        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Edit, $"workflow.{workflow.Id}", Id(workflow), userId: "U0CAROL"));

        Assert.Equal(["users.info", "views.open"], _app.Slack.Calls.Select(c => c.Method));
        var open = _app.Slack.Calls[1];
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", open.Field("trigger_id"));
        Assert.Equal(WorkflowModal.CallbackId, (string?)open.Body["view"]!["callback_id"]);
        Assert.Contains("\"initial_value\":\"Execs\"", open.Body["view"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Theory]
    [InlineData(WorkflowActionIds.New)]
    [InlineData(WorkflowActionIds.Edit)]
    [InlineData(WorkflowActionIds.Delete)]
    public async Task A_member_is_refused_before_any_form_opens(string actionId)
    {
        var workflow = await _app.SeedAsync("Execs");
        OpenViewsWithKnownId(_app.Slack);

        await _app.SendAsync(ButtonInMessage(actionId, $"workflow.{workflow.Id}", Id(workflow), userId: "U0BOB"));

        Assert.Equal(["users.info", "response_url"], _app.Slack.Calls.Select(c => c.Method));
        var reply = Assert.Single(_app.Responses);
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Contains("Sorry, you can't create, edit, pause or delete workflows", (string?)reply["text"], StringComparison.Ordinal);
        Assert.NotNull(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
    }

    [Fact]
    public async Task An_expired_trigger_on_edit_leaves_an_ephemeral_notice()
    {
        var workflow = await _app.SeedAsync("Execs");
        _app.Slack.On("views.open", _ => FakeSlackAnswer.Error("expired_trigger_id"));

        await _app.SendAsync(ButtonInMessage(WorkflowActionIds.Edit, $"workflow.{workflow.Id}", Id(workflow), userId: "U0CAROL"));

        Assert.Equal(["users.info", "views.open", "response_url"], _app.Slack.Calls.Select(c => c.Method));
        var reply = Assert.Single(_app.Responses);
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Equal(OpenedModal.TriggerGone, (string?)reply["text"]);
    }

    [Fact]
    public async Task An_expired_trigger_on_the_create_command_answers_ephemerally()
    {
        _app.Slack.On("views.open", _ => FakeSlackAnswer.Error("expired_trigger_id"));

        await _app.SendAsync(SlackRequests.SlashCommand("workflow create"));

        var reply = Assert.Single(_app.Responses);
        Assert.Equal("ephemeral", (string?)reply["response_type"]);
        Assert.Equal(OpenedModal.TriggerGone, (string?)reply["text"]);
        Assert.Empty(_app.Slack.CallsTo("views.update"));
    }

    [Fact(Timeout = 20_000)]
    public async Task Channel_checks_of_a_submission_run_all_at_once()
    {
        // Each conversations.info is answered only once all three have arrived: one after another, they never would.
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.Slack.OnHeld("conversations.info", async (call, ct) =>
        {
            if (Interlocked.Increment(ref arrived) == 3)
            {
                allArrived.TrySetResult();
            }

            await allArrived.Task.WaitAsync(Either(ct));
            return ChannelAnswer(call.Field("channel")!);
        });
        var form = WorkflowModalFlowTests.FullForm("Execs");
        form["channels"] = new JsonObject { ["channels.value"] = Conversations("C0ALERTS", "C0OLD") };
        form["fallback_channel"] = new JsonObject { ["fallback_channel.value"] = Conversation("C0SECRET") };

        var errors = WorkflowModalFlowTests.Errors(await _app.SendAsync(Submission(WorkflowModalFlowTests.ModalView(), form)));

        Assert.Equal(3, arrived);
        Assert.Contains("#old-alerts is archived", errors[WorkflowModal.ChannelsBlock], StringComparison.Ordinal);
        Assert.Contains("not in the private channel #secret", errors[WorkflowModal.FallbackChannelBlock], StringComparison.Ordinal);
        Assert.Empty(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact(Timeout = 20_000)]
    public async Task Channel_checks_slower_than_the_budget_count_as_no_problem_and_the_save_is_acked()
    {
        var arrived = 0;
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.Slack.OnHeld("conversations.info", async (_, ct) =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothArrived.TrySetResult();
            }

            // Slack never answers: only the app giving up ends the call.
            await Task.Delay(Timeout.InfiniteTimeSpan, Either(ct));
            return null;
        });

        var sending = _app.SendAsync(Submission(WorkflowModalFlowTests.ModalView(), WorkflowModalFlowTests.FullForm("Execs")));
        await bothArrived.Task.WaitAsync(_ct);
        _clock.Advance(ChannelCheck.Budget);
        var ack = await sending;

        // Saved, not refused: opened without a channel, the form turns into the "saved" view.
        Assert.Contains("\"response_action\":\"update\"", ack, StringComparison.Ordinal);
        Assert.Contains(WorkflowSavedNotice.Title, ack, StringComparison.Ordinal);
        Assert.Equal("Execs", Assert.Single(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct)).Name);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_delete_confirmation_closes_the_modal_before_the_home_tab_is_redrawn()
    {
        var workflow = await _app.SeedAsync("Execs");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.Slack.OnHeld("views.publish", async (_, ct) =>
        {
            await release.Task.WaitAsync(Either(ct));
            return null;
        });

        // Carol is a Slack admin: the guard asks users.info before the ack; the Home redraw is held until the ack is in.
        using var response = await _app.Http.SendAsync(Submission(Serialize(DeleteConfirmationModal.Build(workflow)), new JsonObject(), userId: "U0CAROL"), _ct);
        var ack = await response.Content.ReadAsStringAsync(_ct);

        Assert.Equal("clear", (string?)JsonNode.Parse(ack)!["response_action"]);
        release.SetResult();
        await _app.Factory.Service<ISlackBackgroundWork>().WhenIdleAsync(_ct);

        Assert.Null(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        Assert.Equal(["users.info", "views.publish"], _app.Slack.Calls.Select(c => c.Method));
        Assert.Equal("U0CAROL", _app.Slack.Calls[1].Field("user_id"));
    }

    [Fact]
    public async Task A_member_confirming_a_delete_is_refused_in_the_modal_and_nothing_is_deleted()
    {
        var workflow = await _app.SeedAsync("Execs");

        var ack = await _app.SendAsync(Submission(Serialize(DeleteConfirmationModal.Build(workflow)), new JsonObject(), userId: "U0BOB"));

        var answer = JsonNode.Parse(ack)!;
        Assert.Equal("update", (string?)answer["response_action"]);
        Assert.Contains("Sorry, you can't", FirstText(answer["view"]!), StringComparison.Ordinal);
        Assert.NotNull(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        Assert.Empty(_app.Slack.CallsTo("views.publish"));
    }

    // A held call also ends with the test (on its timeout), so a broken flow fails instead of hanging the run.
    private CancellationToken Either(CancellationToken callToken) => CancellationTokenSource.CreateLinkedTokenSource(callToken, _ct).Token;

    private static FakeSlackAnswer ChannelAnswer(string id) => FakeSlackAnswer.Ok(new JsonObject
    {
        ["channel"] = id switch
        {
            "C0OLD" => new JsonObject { ["id"] = id, ["name"] = "old-alerts", ["is_channel"] = true, ["is_archived"] = true },
            "C0SECRET" => new JsonObject { ["id"] = id, ["name"] = "secret", ["is_channel"] = true, ["is_private"] = true, ["is_member"] = false },
            _ => new JsonObject { ["id"] = id, ["name"] = "alerts", ["is_channel"] = true },
        },
    });

    private static string Id(Workflow workflow) => workflow.Id.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Serialize(SlackApp.Slack.Blocks.View view) =>
        JsonSerializer.SerializeToNode(view, SlackApp.Slack.Json.SlackJson.Options)!.AsObject();

    public void Dispose() => _app.Dispose();
}
