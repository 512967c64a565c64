using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Notifications;
using SlackApp.OwnerMappings;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Notifications;

/// <summary>"Wrong owner": a DM sent for a role forwarded to the person who holds it, the copy saying where it went, the correction mapped.</summary>
public sealed class WrongOwnerTests
{
    private const string OwnerEmail = "ae@vendor.example";

    [Fact]
    public async Task A_dm_for_a_role_offers_wrong_owner_and_its_button_opens_the_modal_at_once()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app);

        Assert.Contains(NotificationActions.WrongOwner, NotificationsApp.BlockText(Assert.Single(app.Posts("U0AE"))), StringComparison.Ordinal);
        await app.ClickAsync(NotificationActions.WrongOwner, Id(dm), dm.SlackChannel!, dm.SlackTs!, "U0AE");

        var view = (JsonObject)Assert.Single(app.Slack.CallsTo("views.open")).Body["view"]!;
        Assert.Equal(WrongOwnerModal.CallbackId, (string?)view["callback_id"]);
        Assert.Equal(new ItemOfMessage(dm.Id, dm.SlackChannel!, dm.SlackTs!).Write(), (string?)view["private_metadata"]);
        Assert.Contains("users_select", view.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task The_recipient_forwards_it_the_chosen_person_gets_a_dm_saying_who_and_why_and_the_next_signal_goes_to_them()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app);

        var ack = await SubmitAsync(app, dm, "U0AE", "U0REAL", "Maya took over Acme in March");
        await app.DeliverAsync();

        Assert.Equal(string.Empty, ack);
        var forwardedDm = NotificationsApp.BlockText(Assert.Single(app.Posts("U0REAL")));
        Assert.Contains("Forwarded by <@U0AE>: “Maya took over Acme in March”", forwardedDm, StringComparison.Ordinal);
        Assert.Contains("You own this account", forwardedDm, StringComparison.Ordinal);
        var update = NotificationsApp.BlockText(Assert.Single(app.Slack.CallsTo("chat.update")));
        Assert.Contains("Forwarded to <@U0REAL> by <@U0AE>", update, StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationActions.WrongOwner, update, StringComparison.Ordinal);
        Assert.StartsWith(":leftwards_arrow_with_hook: <@U0AE> forwarded Jane Doe (Acme Corp) to <@U0REAL>", app.Posts().Single(p => p.Field("thread_ts") == dm.SlackTs).Field("text"), StringComparison.Ordinal);
        var mapping = await app.Service<OwnerMappingRepository>().FindAsync(NotificationsApp.Acme, OwnerEmail, NotificationsApp.Ct);
        Assert.Equal(("U0REAL", "U0AE"), (mapping!.SlackUserId, mapping.MappedBy));

        var lookupsBefore = Lookups(app);
        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_2").WithOwnPerson()]);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliverAsync();

        Assert.Equal(lookupsBefore, Lookups(app));
        Assert.Equal(2, app.Posts("U0REAL").Count);
        Assert.Single(app.Posts("U0AE"), p => p.Field("thread_ts") is null);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task A_member_who_did_not_receive_it_is_refused_with_who_can_and_an_admin_may()
    {
        await using var app = await AppAsync();
        app.Slack.AddUser("U0MEMBER", "member@acme.example");
        var dm = await PostedAsync(app);

        var refused = await SubmitAsync(app, dm, "U0MEMBER", "U0REAL", null);

        Assert.Contains("Only <@U0AE>, who received it, workspace admins and owners, the person who installed the app (<@U0ADMIN>), and workflow managers can forward it.", refused, StringComparison.Ordinal);
        Assert.Null((await app.DeliveriesAsync()).Single().ForwardedTo);

        var byAdmin = await SubmitAsync(app, dm, "U0ADMIN", "U0REAL", null);
        await app.DeliverAsync();

        Assert.Equal(string.Empty, byAdmin);
        Assert.Contains("Forwarded by <@U0ADMIN>", NotificationsApp.BlockText(Assert.Single(app.Posts("U0REAL"))), StringComparison.Ordinal);
        Assert.Equal("U0ADMIN", (await app.Service<OwnerMappingRepository>().FindAsync(NotificationsApp.Acme, OwnerEmail, NotificationsApp.Ct))!.MappedBy);
    }

    [Fact]
    public async Task A_forged_message_is_not_found_and_changes_nothing()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app);

        var forged = await SubmitAsync(app, dm with { SlackTs = "1700000000.999999" }, "U0AE", "U0REAL", null);
        var otherItem = await SubmitAsync(app, dm with { Id = dm.Id + 100 }, "U0AE", "U0REAL", null);

        Assert.Contains(ClickedItem.NotFoundText, forged, StringComparison.Ordinal);
        Assert.Contains(ClickedItem.NotFoundText, otherItem, StringComparison.Ordinal);
        Assert.Single(await app.DeliveriesAsync());
        Assert.Null(await app.Service<OwnerMappingRepository>().FindAsync(NotificationsApp.Acme, OwnerEmail, NotificationsApp.Ct));
    }

    [Fact]
    public async Task A_double_submit_forwards_once()
    {
        await using var app = await AppAsync();
        var dm = await PostedAsync(app);

        await SubmitAsync(app, dm, "U0AE", "U0REAL", "new owner");
        var again = await SubmitAsync(app, dm, "U0AE", "U0REAL", "new owner");
        await app.DeliverAsync();

        Assert.Equal(string.Empty, again);
        Assert.Single(app.Posts("U0REAL"));
        Assert.Single(app.Slack.CallsTo("chat.update"));
        Assert.Single(app.Posts(), p => p.Field("thread_ts") == dm.SlackTs);
        Assert.Equal(2, (await app.DeliveriesAsync()).Count);
    }

    [Fact]
    public async Task The_same_person_a_bot_or_a_deactivated_account_is_refused_in_the_modal()
    {
        await using var app = await AppAsync();
        app.Slack.Users["U0APP"] = new FakeUser("U0APP", "bot@acme.example", false, "bot");
        app.Slack.On("users.info", c => c.Field("user") == "U0APP"
            ? FakeSlackAnswer.Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = "U0APP", ["is_bot"] = true, ["deleted"] = false } })
            : null);
        var dm = await PostedAsync(app);

        var same = await SubmitAsync(app, dm, "U0AE", "U0AE", null);
        var bot = await SubmitAsync(app, dm, "U0AE", "U0APP", null);
        var gone = await SubmitAsync(app, dm, "U0AE", "U0NOBODY", null);

        Assert.Contains(WrongOwners.SamePerson, same, StringComparison.Ordinal);
        Assert.Contains(WrongOwners.NotAPerson, bot, StringComparison.Ordinal);
        Assert.Contains(WrongOwners.NotAPerson, gone, StringComparison.Ordinal);
        Assert.Null((await app.DeliveriesAsync()).Single().ForwardedTo);
    }

    [Fact]
    public async Task A_person_who_has_a_copy_already_gets_no_second_dm_and_the_forwarder_is_told()
    {
        await using var app = new NotificationsApp(hostedDelivery: false);
        await app.InstallAsync();
        app.Slack.AddUser("U0AE", OwnerEmail);
        app.Slack.AddUser("U0REAL", "maya@vendor.example");
        await app.WorkflowAsync("Owners", new WorkflowRecipients { Roles = [AccountRole.Owner], UserIds = ["U0REAL"] });
        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_1").WithOwnPerson()]);
        await app.DeliverAsync();
        var dm = (await app.DeliveriesAsync()).Single(d => d.RecipientId == "U0AE");

        var told = await SubmitAsync(app, dm, "U0AE", "U0REAL", null);
        await app.DeliverAsync();

        Assert.Contains("<@U0REAL> already has this notification", told, StringComparison.Ordinal);
        Assert.Single(app.Posts("U0REAL"));
        Assert.Equal("U0REAL", (await app.DeliveriesAsync()).Single(d => d.Id == dm.Id).ForwardedTo);
    }

    [Fact]
    public void A_dm_not_sent_for_a_role_a_reminder_a_test_and_a_channel_post_offer_no_wrong_owner()
    {
        var signal = SignalReaderSample();
        var people = new AccountPeople(OwnerUserId: "U0AE");
        NotificationContent Content(string? reader, bool reminder = false, bool test = false) => new()
        {
            Signal = signal, Matches = [], DeliveryId = 1, People = people, ReaderUserId = reader, IsReminder = reminder, IsTest = test,
        };

        Assert.Contains(NotificationActions.WrongOwner, Render(Content("U0AE")), StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationActions.WrongOwner, Render(Content("U0OTHER")), StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationActions.WrongOwner, Render(Content("U0AE", reminder: true)), StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationActions.WrongOwner, Render(Content("U0AE", test: true)), StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationActions.WrongOwner, Render(Content(null)), StringComparison.Ordinal);
        var digest = DigestComposer.Compose(new DigestContent([Content("U0AE"), Content("U0AE") with { DeliveryId = 2 }]));
        Assert.Contains(new DigestItemChoice(NotificationActions.WrongOwner, 1).Write(), Json(digest), StringComparison.Ordinal);
        Assert.Empty(BlockKitValidator.Validate(digest));
        Assert.Empty(BlockKitValidator.Validate(WrongOwnerModal.Build(new ItemOfMessage(1, "D0AE", "1.2"))));
    }

    private static Signal SignalReaderSample() =>
        SlackApp.Signals.SignalReader.ReadStored(SignalPayloads.NewHire("sig_1").ToJsonString());

    private static string Render(NotificationContent content) => Json(NotificationComposer.Compose(content));

    private static string Json(Message message) => System.Text.Json.JsonSerializer.Serialize(message, SlackApp.Slack.Json.SlackJson.Options);

    private static int Lookups(NotificationsApp app) =>
        app.Slack.CallsTo("users.lookupByEmail").Count(c => string.Equals(c.Field("email"), OwnerEmail, StringComparison.OrdinalIgnoreCase));

    private static async Task<NotificationsApp> AppAsync()
    {
        var app = new NotificationsApp(hostedDelivery: false);
        await app.InstallAsync();
        app.Slack.AddUser("U0AE", OwnerEmail);
        app.Slack.AddUser("U0REAL", "maya@vendor.example");
        await app.WorkflowAsync("Owners", new WorkflowRecipients { Roles = [AccountRole.Owner] });
        return app;
    }

    private static async Task<OutboxDelivery> PostedAsync(NotificationsApp app)
    {
        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_1").WithOwnPerson()]);
        await app.DeliverAsync();
        var item = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(("U0AE", DeliveryStatus.Sent), (item.RecipientId, item.Status));
        return item;
    }

    private static async Task<string> SubmitAsync(NotificationsApp app, OutboxDelivery item, string userId, string chosen, string? why)
    {
        var view = System.Text.Json.JsonSerializer.SerializeToNode(WrongOwnerModal.Build(new ItemOfMessage(item.Id, item.SlackChannel!, item.SlackTs!)), SlackApp.Slack.Json.SlackJson.Options)!.AsObject();
        var values = new JsonObject
        {
            [WrongOwnerModal.UserBlock] = new JsonObject { [WrongOwnerModal.UserBlock + ".value"] = new JsonObject { ["type"] = "users_select", ["selected_user"] = chosen } },
            [WrongOwnerModal.ReasonBlock] = new JsonObject { [WrongOwnerModal.ReasonBlock + ".value"] = Text(why) },
        };
        var response = await app.Client.SendAsync(Submission(view, values, userId), NotificationsApp.Ct);
        await app.Service<ISlackBackgroundWork>().WhenIdleAsync(NotificationsApp.Ct);
        return await response.Content.ReadAsStringAsync(NotificationsApp.Ct);
    }

    private static string Id(OutboxDelivery item) => item.Id.ToString(CultureInfo.InvariantCulture);
}
