using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using SlackApp.Slack.Json;
using SlackApp.Slack.Payloads;
using SlackApp.Tests.Fakes;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowModalFlowTests;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Workflows;

/// <summary>The workflow modal's delivery inputs: shown filled with the saved settings, read back, refused inline when out of bounds.</summary>
public sealed class WorkflowDeliveryModalTests : IDisposable
{
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string> Modes => [DeliveryModeNames.Instant, DeliveryModeNames.Digest, DeliveryModeNames.DailyDigest];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Each_mode_and_its_settings_read_back_as_they_were_shown(string wire)
    {
        Assert.True(DeliveryModeNames.TryParse(wire, out var mode));
        var delivery = new WorkflowDelivery
        {
            Mode = mode,
            DigestEvery = TimeSpan.FromMinutes(90),
            DailyAt = new TimeOnly(7, 45),
            DuplicateWindow = TimeSpan.FromDays(30),
            DailyCap = 20,
        };
        var workflow = WorkflowApp.Draft("Execs") with { Id = 7, Delivery = delivery };

        var pick = WorkflowModal.ReadDelivery(SubmittedUnchanged(WorkflowModal.Build(workflow)));

        Assert.Equal(delivery, pick.Delivery);
        Assert.Empty(pick.Problems);
    }

    [Fact]
    public void A_new_workflow_starts_on_the_defaults_and_reads_back_as_them()
    {
        var state = SubmittedUnchanged(WorkflowModal.Build(null));

        Assert.Equal(WorkflowDelivery.Default, WorkflowModal.ReadDelivery(state).Delivery);
        Assert.Equal(WorkflowDelivery.Default, WorkflowModal.Read(state, "T0ACME").Delivery);
    }

    [Fact]
    public void Repeats_allowed_and_no_cap_read_back_as_off()
    {
        var delivery = WorkflowDelivery.Default with { DuplicateWindow = null, DailyCap = null };
        var modal = WorkflowModal.Build(WorkflowApp.Draft("Execs") with { Delivery = delivery });

        var pick = WorkflowModal.ReadDelivery(SubmittedUnchanged(modal));

        Assert.Equal(delivery, pick.Delivery);
        Assert.Empty(pick.Problems);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("1", 1)]
    [InlineData("90", 90)]
    public void An_empty_or_zero_duplicate_window_is_off(string typed, int? days)
    {
        var pick = WorkflowModal.ReadDelivery(State(new() { [WorkflowModal.DuplicateWindowBlock] = NumberValue(typed) }));

        Assert.Equal(days is null ? null : TimeSpan.FromDays(days.Value), pick.Delivery.DuplicateWindow);
        Assert.Empty(pick.Problems);
    }

    [Theory]
    [InlineData(WorkflowModal.DigestEveryBlock, "4", WorkflowModal.DigestEveryOutOfBounds)]
    [InlineData(WorkflowModal.DigestEveryBlock, "1441", WorkflowModal.DigestEveryOutOfBounds)]
    [InlineData(WorkflowModal.DigestEveryBlock, "", WorkflowModal.DigestEveryMissing)]
    [InlineData(WorkflowModal.DuplicateWindowBlock, "91", WorkflowModal.DuplicateWindowOutOfBounds)]
    [InlineData(WorkflowModal.DuplicateWindowBlock, "-1", WorkflowModal.DuplicateWindowOutOfBounds)]
    [InlineData(WorkflowModal.DailyCapBlock, "0", WorkflowModal.DailyCapOutOfBounds)]
    [InlineData(WorkflowModal.DailyCapBlock, "501", WorkflowModal.DailyCapOutOfBounds)]
    [InlineData(WorkflowModal.DailyCapBlock, "2.5", WorkflowModal.DailyCapOutOfBounds)]
    [InlineData(WorkflowModal.DailyCapBlock, "99999999999", WorkflowModal.DailyCapOutOfBounds)]
    [InlineData(WorkflowModal.DuplicateWindowBlock, "2147483647", WorkflowModal.DuplicateWindowOutOfBounds)]
    [InlineData(WorkflowModal.DigestEveryBlock, "2147483647", WorkflowModal.DigestEveryOutOfBounds)]
    public async Task A_delivery_value_out_of_bounds_is_refused_on_its_block_and_nothing_is_saved(string block, string typed, string message)
    {
        var form = DeliveryForm("Digest", DeliveryModeNames.Digest);
        form[block] = new JsonObject { [block + WorkflowModal.ActionSuffix] = NumberValue(typed) };

        var errors = Errors(await _app.SendAsync(Submission(ModalView(), form)));

        Assert.Equal(message, Assert.Single(errors, e => e.Key == block).Value);
        Assert.Equal([block], errors.Keys);
        Assert.Empty(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public async Task A_daily_digest_with_no_time_picked_is_refused_on_the_time()
    {
        var form = DeliveryForm("Daily", DeliveryModeNames.DailyDigest);
        form[WorkflowModal.DailyAtBlock] = new JsonObject { [WorkflowModal.DailyAtBlock + WorkflowModal.ActionSuffix] = SelectedTime(null) };

        var errors = Errors(await _app.SendAsync(Submission(ModalView(), form)));

        Assert.Equal(WorkflowModal.DailyAtMissing, Assert.Single(errors).Value);
        Assert.Equal(WorkflowModal.DailyAtBlock, errors.Keys.Single());
        Assert.Empty(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public void Only_the_chosen_mode_needs_its_interval_or_time()
    {
        var state = State(new()
        {
            [WorkflowModal.DeliveryModeBlock] = Radio(DeliveryModeNames.Instant),
            [WorkflowModal.DigestEveryBlock] = NumberValue(null),
            [WorkflowModal.DailyAtBlock] = SelectedTime(null),
        });

        var pick = WorkflowModal.ReadDelivery(state);

        Assert.Empty(pick.Problems);
        Assert.Equal(WorkflowDelivery.Default, pick.Delivery);
    }

    [Theory]
    [InlineData("4", "U0BOSS", null, null, null)]
    [InlineData("4", null, "C0LEADS", null, null)]
    [InlineData("4", null, null, WorkflowModal.EscalateToUserBlock, WorkflowModal.EscalateToMissing)]
    [InlineData(null, "U0BOSS", null, WorkflowModal.EscalateAfterBlock, WorkflowModal.EscalateAfterMissing)]
    [InlineData("169", "U0BOSS", null, WorkflowModal.EscalateAfterBlock, WorkflowModal.EscalateAfterOutOfBounds)]
    public void Escalation_needs_both_a_time_and_someone_to_tell(string? hours, string? user, string? channel, string? block, string? problem)
    {
        var state = State(new()
        {
            [WorkflowModal.DeliveryModeBlock] = Radio(DeliveryModeNames.Instant),
            [WorkflowModal.EscalateAfterBlock] = NumberValue(hours),
            [WorkflowModal.EscalateToUserBlock] = new JsonObject { ["type"] = "users_select", ["selected_user"] = user },
            [WorkflowModal.EscalateToChannelBlock] = new JsonObject { ["type"] = "conversations_select", ["selected_conversation"] = channel },
        });

        var pick = WorkflowModal.ReadDelivery(state);

        if (block is null)
        {
            Assert.Empty(pick.Problems);
            Assert.Equal(4, pick.Delivery.EscalateAfterHours);
            Assert.Equal(user, pick.Delivery.EscalateToUserId);
            Assert.Equal(channel, pick.Delivery.EscalateToChannelId);
            Assert.True(pick.Delivery.Escalates);
        }
        else
        {
            Assert.Equal(problem, pick.Problems[block]);
        }
    }

    [Fact]
    public void Saved_escalation_is_shown_filled_and_reads_back_the_same()
    {
        var delivery = WorkflowDelivery.Default with { EscalateAfterHours = 6, EscalateToUserId = "U0BOSS", EscalateToChannelId = "C0LEADS" };
        var view = WorkflowModal.Build(WorkflowApp.Draft("Execs") with { Delivery = delivery });
        var blocks = JsonSerializer.SerializeToNode(view, SlackJson.Options)!["blocks"]!.AsArray().OfType<JsonObject>()
            .Where(b => b["block_id"] is not null)
            .ToDictionary(b => (string)b["block_id"]!);

        Assert.Equal("6", (string?)blocks[WorkflowModal.EscalateAfterBlock]["element"]!["initial_value"]);
        Assert.Equal("U0BOSS", (string?)blocks[WorkflowModal.EscalateToUserBlock]["element"]!["initial_user"]);
        Assert.Equal("C0LEADS", (string?)blocks[WorkflowModal.EscalateToChannelBlock]["element"]!["initial_conversation"]);
        Assert.Equal(delivery, SlackApp.Workflows.WorkflowColumns.Delivery(SlackApp.Workflows.WorkflowColumns.Delivery(delivery)));
        Assert.EndsWith(" · escalates after 6 h", WorkflowSummary.Line(WorkflowApp.Draft("Execs") with { Delivery = delivery }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_daily_digest_is_stored_and_shown_again_when_the_workflow_is_edited()
    {
        await _app.SendAsync(SlackRequests.SlashCommand("workflow create"));
        var form = DeliveryForm("Morning digest", DeliveryModeNames.DailyDigest);
        form[WorkflowModal.DailyAtBlock] = new JsonObject { [WorkflowModal.DailyAtBlock + WorkflowModal.ActionSuffix] = SelectedTime("08:30") };
        form[WorkflowModal.DuplicateWindowBlock] = new JsonObject { [WorkflowModal.DuplicateWindowBlock + WorkflowModal.ActionSuffix] = NumberValue("0") };
        form[WorkflowModal.DailyCapBlock] = new JsonObject { [WorkflowModal.DailyCapBlock + WorkflowModal.ActionSuffix] = NumberValue("20") };

        var ack = await _app.SendAsync(Submission(_app.LastView("views.open"), form));

        Assert.Equal(string.Empty, ack);
        var stored = Assert.Single(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
        Assert.Equal(
            new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(8, 30), DuplicateWindow = null, DailyCap = 20 },
            stored.Delivery);

        await _app.SendAsync(SlackRequests.SlashCommand($"workflow edit #{stored.Id}"));

        var blocks = _app.LastView("views.open")["blocks"]!.AsArray().OfType<JsonObject>()
            .Where(b => b["block_id"] is not null)
            .ToDictionary(b => (string)b["block_id"]!);
        Assert.Equal(DeliveryModeNames.DailyDigest, (string?)blocks[WorkflowModal.DeliveryModeBlock]["element"]!["initial_option"]!["value"]);
        Assert.Equal("08:30", (string?)blocks[WorkflowModal.DailyAtBlock]["element"]!["initial_time"]);
        Assert.Equal("60", (string?)blocks[WorkflowModal.DigestEveryBlock]["element"]!["initial_value"]);
        Assert.Equal("0", (string?)blocks[WorkflowModal.DuplicateWindowBlock]["element"]!["initial_value"]);
        Assert.Equal("20", (string?)blocks[WorkflowModal.DailyCapBlock]["element"]!["initial_value"]);
        var preview = blocks[WorkflowModal.PreviewBlock];
        Assert.Equal("actions", (string?)preview["type"]);
        Assert.Equal(WorkflowActionIds.Preview, (string?)preview["elements"]![0]!["action_id"]);
        Assert.Equal("Preview", (string?)preview["elements"]![0]!["text"]!["text"]);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task An_edit_from_a_form_without_delivery_inputs_keeps_the_saved_delivery()
    {
        var delivery = new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromHours(2), DailyCap = 5 };
        var workflow = await _app.SeedAsync(WorkflowApp.Draft("Execs") with { Delivery = delivery });
        await _app.SendAsync(SlackRequests.SlashCommand($"workflow edit #{workflow.Id}"));

        // FullForm has no delivery blocks, as a form opened before they existed.
        var ack = await _app.SendAsync(Submission(_app.LastView("views.open"), FullForm("Execs renamed")));

        Assert.Equal(string.Empty, ack);
        var stored = await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct);
        Assert.Equal("Execs renamed", stored!.Name);
        Assert.Equal(delivery, stored.Delivery);
    }

    [Fact]
    public async Task A_saved_change_of_delivery_is_passed_on_for_the_waiting_items_and_an_unchanged_one_is_not()
    {
        var observer = new RecordingDeliveryObserver();
        using var app = new WorkflowApp(f => f.WithServices(s => s.AddSingleton<IWorkflowDeliveryObserver>(observer)));
        var workflow = await app.SeedAsync(WorkflowApp.Draft("Execs") with { Delivery = new WorkflowDelivery { Mode = DeliveryMode.DailyDigest } });

        await app.SendAsync(SlackRequests.SlashCommand($"workflow edit #{workflow.Id}"));
        var unchanged = DeliveryForm("Execs", DeliveryModeNames.DailyDigest);
        Assert.Equal(string.Empty, await app.SendAsync(Submission(app.LastView("views.open"), unchanged)));
        Assert.Empty(observer.Changed);

        await app.SendAsync(SlackRequests.SlashCommand($"workflow edit #{workflow.Id}"));
        Assert.Equal(string.Empty, await app.SendAsync(Submission(app.LastView("views.open"), DeliveryForm("Execs", DeliveryModeNames.Instant))));

        var (workspace, saved) = Assert.Single(observer.Changed);
        Assert.Equal(WorkflowApp.Acme, workspace);
        Assert.Equal(workflow.Id, saved.Id);
        Assert.Equal(DeliveryMode.Instant, saved.Delivery.Mode);
    }

    private sealed class RecordingDeliveryObserver : IWorkflowDeliveryObserver
    {
        public List<(SlackApp.Installations.Workspace Workspace, Workflow Saved)> Changed { get; } = [];

        public Task DeliveryChangedAsync(SlackApp.Installations.Workspace workspace, Workflow saved, CancellationToken cancellationToken)
        {
            Changed.Add((workspace, saved));
            return Task.CompletedTask;
        }
    }

    private static JsonObject DeliveryForm(string name, string mode)
    {
        var form = FullForm(name);
        form[WorkflowModal.DeliveryModeBlock] = new JsonObject { [WorkflowModal.DeliveryModeBlock + WorkflowModal.ActionSuffix] = Radio(mode) };
        form[WorkflowModal.DigestEveryBlock] = new JsonObject { [WorkflowModal.DigestEveryBlock + WorkflowModal.ActionSuffix] = NumberValue("60") };
        form[WorkflowModal.DailyAtBlock] = new JsonObject { [WorkflowModal.DailyAtBlock + WorkflowModal.ActionSuffix] = SelectedTime("09:00") };
        form[WorkflowModal.DuplicateWindowBlock] = new JsonObject { [WorkflowModal.DuplicateWindowBlock + WorkflowModal.ActionSuffix] = NumberValue("7") };
        form[WorkflowModal.DailyCapBlock] = new JsonObject { [WorkflowModal.DailyCapBlock + WorkflowModal.ActionSuffix] = NumberValue(null) };
        return form;
    }

    /// <summary>Delivery state values keyed by block (each action_id is the block_id with the suffix).</summary>
    private static ViewState State(Dictionary<string, JsonObject> byBlock)
    {
        var values = new JsonObject();
        foreach (var (block, value) in byBlock)
        {
            values[block] = new JsonObject { [block + WorkflowModal.ActionSuffix] = value };
        }

        return JsonSerializer.Deserialize<ViewState>(new JsonObject { ["values"] = values }, SlackJson.Options)!;
    }

    /// <summary>
    /// The view.state Slack sends when the delivery inputs are submitted as shown: radio buttons send their initial
    /// option, number inputs their initial value, timepickers their initial time (empty fields send null).
    /// </summary>
    private static ViewState SubmittedUnchanged(SlackApp.Slack.Blocks.View view)
    {
        var modal = JsonSerializer.SerializeToNode(view, SlackJson.Options)!.AsObject();
        var values = new Dictionary<string, JsonObject>();
        foreach (var block in modal["blocks"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["type"] == "input"))
        {
            var element = block["element"]!;
            JsonObject? state = (string?)element["type"] switch
            {
                "radio_buttons" => new() { ["type"] = "radio_buttons", ["selected_option"] = element["initial_option"]?.DeepClone() },
                "number_input" => NumberValue((string?)element["initial_value"]),
                "timepicker" => SelectedTime((string?)element["initial_time"]),
                _ => null,
            };
            if (state is not null)
            {
                values[(string)block["block_id"]!] = state;
            }
        }

        return State(values);
    }

    public void Dispose() => _app.Dispose();
}
