using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Notifications;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Notifications;

/// <summary>"Not relevant": a modal opened from the click, re-checked on submit, the mark shown in place and in the thread, accounts muted.</summary>
public sealed class NotRelevantTests
{
    [Fact]
    public async Task The_button_opens_the_modal_at_once_naming_the_item_and_its_message()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app, SignalPayloads.NewHire("sig_1"));

        await app.ClickAsync(NotificationActions.NotRelevant, Id(dm), dm.SlackChannel!, dm.SlackTs!, "U0REP");

        var open = Assert.Single(app.Slack.CallsTo("views.open"));
        var view = (JsonObject)open.Body["view"]!;
        Assert.Equal(NotRelevantModal.CallbackId, (string?)view["callback_id"]);
        Assert.Equal(new ItemOfMessage(dm.Id, dm.SlackChannel!, dm.SlackTs!).Write(), (string?)view["private_metadata"]);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task Saving_marks_the_item_with_the_reason_and_shows_it_on_the_message_and_in_its_thread()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app, SignalPayloads.NewHire("sig_1"));

        var ack = await SubmitAsync(app, dm, "U0REP", NotRelevantReasons.NotAFit, "We lost them for good", mute: false);

        Assert.Equal(string.Empty, ack);
        var marked = (await app.DeliveriesAsync()).Single();
        Assert.Equal("U0REP", marked.NotRelevantBy);
        Assert.Equal(NotRelevantReasons.NotAFit, NotRelevantReasons.Wire(marked.NotRelevantReason));
        var update = Assert.Single(app.Slack.CallsTo("chat.update"));
        var text = NotificationsApp.BlockText(update);
        Assert.Contains("Marked not relevant by <@U0REP>", text, StringComparison.Ordinal);
        Assert.Contains("Not an account we care about: “We lost them for good”", text, StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationActions.NotRelevant, text, StringComparison.Ordinal);
        Assert.Equal(":no_entry_sign: <@U0REP> marked not relevant: Jane Doe (Acme Corp).", app.Posts().Single(p => p.Field("thread_ts") == dm.SlackTs).Field("text"));
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task A_second_save_changes_nothing_and_tells_nothing_twice()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app, SignalPayloads.NewHire("sig_1"));
        await SubmitAsync(app, dm, "U0REP", NotRelevantReasons.AlreadyKnown, null, mute: false);

        await SubmitAsync(app, dm, "U0REP", NotRelevantReasons.Other, "changed my mind", mute: false);

        Assert.Equal(NotRelevantReasons.AlreadyKnown, (await app.DeliveriesAsync()).Single().NotRelevantReason);
        Assert.Single(app.Slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task Someone_else_cannot_mark_a_dm_and_a_forged_message_is_not_found()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app, SignalPayloads.NewHire("sig_1"));

        var other = await SubmitAsync(app, dm, "U0BOB", null, null, mute: false);
        var forged = await SubmitAsync(app, dm with { SlackTs = "1700000000.999999" }, "U0REP", null, null, mute: false);

        Assert.Contains("Only <@U0REP>, who received it, can mark it.", other, StringComparison.Ordinal);
        Assert.Contains(ClickedItem.NotFoundText, forged, StringComparison.Ordinal);
        Assert.Null((await app.DeliveriesAsync()).Single().NotRelevantBy);
    }

    [Fact]
    public async Task A_muted_account_is_not_sent_to_that_person_again_and_says_why_while_other_accounts_are()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app, SignalPayloads.NewHire("sig_1"));
        await SubmitAsync(app, dm, "U0REP", null, null, mute: true);

        var sameAccount = SignalPayloads.NewHire("sig_2");
        sameAccount["person"]!["email"] = "someone.else@acme.example";
        sameAccount["person"]!["full_name"] = "John Roe";
        var otherAccount = SignalPayloads.NewHire("sig_3");
        otherAccount["person"]!["email"] = "ann@initech.example";
        otherAccount["account"]!["name"] = "Initech";
        otherAccount["account"]!["domain"] = "initech.example";
        await PlannedOutbox.PlanAsync(app, [sameAccount, otherAccount]);

        var items = (await app.DeliveriesAsync()).OrderBy(d => d.Id).ToList();
        Assert.Equal(DeliveryStatus.Suppressed, items[1].Status);
        Assert.Equal(NoiseControl.MutedAccount, items[1].SuppressedReason);
        Assert.Equal(DeliveryStatus.Pending, items[2].Status);
    }

    private static async Task<NotificationsApp> AppAsync()
    {
        var app = new NotificationsApp(hostedDelivery: false);
        await app.InstallAsync();
        app.Slack.Users["U0REP"] = new FakeUser("U0REP", "rep@vendor.example", false, "Rep");
        await app.WorkflowAsync("Execs", new WorkflowRecipients { UserIds = ["U0REP"] }, delivery: WorkflowDelivery.Default with { DuplicateWindow = null });
        return app;
    }

    private static async Task<OutboxDelivery> PostedAsync(NotificationsApp app, JsonObject signal)
    {
        await PlannedOutbox.PlanAsync(app, [signal]);
        await app.DeliverAsync();
        return Assert.Single(await app.DeliveriesAsync(), d => d.Status == DeliveryStatus.Sent);
    }

    private static async Task<string> SubmitAsync(NotificationsApp app, OutboxDelivery item, string userId, string? reason, string? note, bool mute)
    {
        var view = NotRelevantModalJson(new ItemOfMessage(item.Id, item.SlackChannel!, item.SlackTs!));
        var values = new JsonObject
        {
            [NotRelevantModal.ReasonBlock] = new JsonObject { [NotRelevantModal.ReasonBlock + ".value"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = reason is null ? null : new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = reason }, ["value"] = reason } } },
            [NotRelevantModal.NoteBlock] = new JsonObject { [NotRelevantModal.NoteBlock + ".value"] = Text(note) },
            [NotRelevantModal.MuteBlock] = new JsonObject
            {
                [NotRelevantModal.MuteBlock + ".value"] = new JsonObject
                {
                    ["type"] = "checkboxes",
                    ["selected_options"] = mute ? new JsonArray(new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Don't show me this account again" }, ["value"] = NotRelevantModal.Mute }) : new JsonArray(),
                },
            },
        };
        var response = await app.Client.SendAsync(Submission(view, values, userId), NotificationsApp.Ct);
        await app.Service<ISlackBackgroundWork>().WhenIdleAsync(NotificationsApp.Ct);
        return await response.Content.ReadAsStringAsync(NotificationsApp.Ct);
    }

    private static JsonObject NotRelevantModalJson(ItemOfMessage target) =>
        System.Text.Json.JsonSerializer.SerializeToNode(NotRelevantModal.Build(target), SlackApp.Slack.Json.SlackJson.Options)!.AsObject();

    private static string Id(OutboxDelivery item) => item.Id.ToString(CultureInfo.InvariantCulture);
}
