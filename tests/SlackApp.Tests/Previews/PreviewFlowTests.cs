using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Previews;

/// <summary>
/// The workflow modal's Preview button through the whole app: rights checked, the preview pushed at once with the
/// click's trigger_id, then updated (by the pushed view's id and hash) with what the draft would have sent.
/// </summary>
public sealed class PreviewFlowTests : IDisposable
{
    private const string PushedViewId = "V0PREVIEW";
    private const string PushedHash = "1700000000.pushed";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    // The app's clock stands still at the real time (Slack's request signatures are checked against it); signals are
    // stored on a clock of their own, set days back.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly WorkflowApp _app;

    public PreviewFlowTests()
    {
        _app = new WorkflowApp(factory => factory.WithServices(services => services.AddSingleton<TimeProvider>(_clock)));
        _app.Slack.On("views.push", call =>
        {
            var view = (JsonObject)call.Body["view"]!.DeepClone();
            view["id"] = PushedViewId;
            view["hash"] = PushedHash;
            return FakeSlackAnswer.Ok(new JsonObject { ["view"] = view });
        });
    }

    /// <summary>A click on Preview inside the workflow modal, its inputs as Slack reports them in view.state.values.</summary>
    internal static HttpRequestMessage PreviewClick(JsonObject values, string userId = "U0ADMIN", string teamId = "T0ACME", string callbackId = WorkflowModal.CallbackId) =>
        SlackRequests.Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = teamId },
            ["api_app_id"] = "A0KRD7HC3",
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0MODAL01" },
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e3",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "acme" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL01",
                ["team_id"] = teamId,
                ["type"] = "modal",
                ["blocks"] = new JsonArray(),
                ["private_metadata"] = "{}",
                ["callback_id"] = callbackId,
                ["state"] = new JsonObject { ["values"] = values },
                ["hash"] = "1700000000.modal",
                ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "New workflow" },
                ["root_view_id"] = "V0MODAL01",
                ["previous_view_id"] = null,
                ["app_id"] = "A0KRD7HC3",
                ["bot_id"] = "B0BOT",
                ["app_installed_team_id"] = teamId,
            },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = WorkflowActionIds.Preview,
                ["block_id"] = "preview",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Preview", ["emoji"] = true },
                ["value"] = "preview",
                ["action_ts"] = "1700000001.000200",
            }),
        });

    // New hires, VP+, posted to #ae-alerts: the modal's state as Slack sends it.
    private static JsonObject Values(string name = "Execs <!here>") => new()
    {
        [WorkflowModal.NameBlock] = new JsonObject { [WorkflowModal.NameBlock + WorkflowModal.ActionSuffix] = Text(name) },
        [WorkflowModal.SignalTypesBlock] = new JsonObject { [WorkflowModal.SignalTypesBlock + WorkflowModal.ActionSuffix] = MultiSelect("new_hire") },
        [WorkflowModal.SeniorityBlock] = new JsonObject { [WorkflowModal.SeniorityBlock + WorkflowModal.ActionSuffix] = Select("vp") },
        [WorkflowModal.ChannelsBlock] = new JsonObject { [WorkflowModal.ChannelsBlock + WorkflowModal.ActionSuffix] = Conversations("C0ALERTS") },
        [WorkflowModal.EnabledBlock] = new JsonObject { [WorkflowModal.EnabledBlock + WorkflowModal.ActionSuffix] = Checkboxes("enabled") },
    };

    private async Task StoreAsync(Workspace workspace, TimeSpan ago, params JsonObject[] signals)
    {
        var incoming = signals.Select(s => new IncomingSignal(SignalReader.ReadStored(s.ToJsonString()), s.ToJsonString())).ToList();
        var storedThen = new FakeTimeProvider(_clock.GetUtcNow() - ago);
        await new SignalRepository(_app.Factory.Service<DbConnectionFactory>(), storedThen).AddAsync(workspace, incoming, _ct);
    }

    private static JsonObject NewHire(string id, string name, string seniority = "vp") =>
        SignalPayloads.NewHire(id).With("person.full_name", name).With("person.seniority", seniority).With("person.email", $"{id}@acme.example");

    [Fact]
    public async Task Preview_pushes_a_counting_view_at_once_then_updates_it_with_the_counts()
    {
        await StoreAsync(WorkflowApp.Acme, TimeSpan.FromDays(41), NewHire("sig_old", "Old Timer"));
        await StoreAsync(WorkflowApp.Acme, TimeSpan.FromDays(2), NewHire("sig_1", "Ann Lee"), NewHire("sig_2", "Bo Diaz"), NewHire("sig_3", "Cy Park", seniority: "manager"));
        await StoreAsync(new Workspace("T0OTHER"), TimeSpan.FromDays(1), NewHire("sig_x", "Other Workspace"));

        await _app.SendAsync(PreviewClick(Values()));

        // The installer needs no users.info for the rights check: the push is the first call.
        Assert.Equal(["views.push", "views.update"], _app.Slack.Calls.Select(c => c.Method));
        var push = _app.Slack.Calls[0];
        Assert.Equal("13345224609.738474920.8088930838d88f008e3", push.Field("trigger_id"));
        var counting = push.Body["view"]!;
        Assert.Equal("Preview", (string?)counting["title"]!["text"]);
        Assert.Equal("Back", (string?)counting["close"]!["text"]);
        Assert.Null(counting["submit"]);
        Assert.Contains("Counting", Json(counting), StringComparison.Ordinal);

        var update = _app.Slack.Calls[1];
        Assert.Equal((PushedViewId, PushedHash), (update.Field("view_id"), update.Field("hash")));
        var counts = Json(update.Body["view"]!);
        Assert.Contains("would have matched *2 signals* of the 3 received", counts, StringComparison.Ordinal);
        Assert.Contains("about *2 Slack messages* sent as signals arrive", counts, StringComparison.Ordinal);
        Assert.Contains("<#C0ALERTS>", counts, StringComparison.Ordinal);
        Assert.Contains("Bo Diaz", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("Old Timer", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Workspace", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", counts, StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task With_no_signals_in_30_days_the_preview_says_so()
    {
        await _app.SendAsync(PreviewClick(Values()));

        var update = Assert.Single(_app.Slack.CallsTo("views.update"));
        Assert.Contains("No signals were received in the last 30 days", Json(update.Body["view"]!), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_member_without_rights_gets_no_preview()
    {
        await StoreAsync(WorkflowApp.Acme, TimeSpan.FromDays(1), NewHire("sig_1", "Ann Lee"));

        await _app.SendAsync(PreviewClick(Values(), userId: "U0BOB"));

        Assert.Empty(_app.Slack.CallsTo("views.push"));
        Assert.Empty(_app.Slack.CallsTo("views.update"));
        Assert.DoesNotContain(_app.Slack.Calls, c => Json(c.Body).Contains("Ann Lee", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_slack_no_longer_takes_the_trigger_nothing_is_counted_and_the_person_is_told()
    {
        _app.Slack.On("views.push", _ => FakeSlackAnswer.Error("expired_trigger_id"));

        await _app.SendAsync(PreviewClick(Values()));

        Assert.Empty(_app.Slack.CallsTo("views.update"));
        var notice = Assert.Single(_app.Slack.CallsTo("chat.postEphemeral"));
        Assert.Contains("press *Preview* again", Json(notice.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_outside_the_workflow_modal_is_ignored()
    {
        await _app.SendAsync(PreviewClick(Values(), callbackId: "something.else"));

        Assert.Empty(_app.Slack.CallsTo("views.push"));
    }

    // Unescaped, so mentions and marks read as Slack gets them.
    private static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public void Dispose() => _app.Dispose();
}
