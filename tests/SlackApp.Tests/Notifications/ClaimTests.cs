using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Notifications;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>Claims on channel posts: shown on every copy of the signal, told in each thread, one claimer at a time.</summary>
public sealed class ClaimTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 7, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_claim_shows_on_every_copy_of_the_signal_with_release_and_is_told_in_each_thread()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS", "C0AE"] });
        var (deals, ae) = await PostedAsync(app);

        await ClickAsync(app, NotificationActions.Claim, deals, "U0BOB");

        var updates = app.Slack.CallsTo("chat.update").ToList();
        Assert.Equal(["C0AE", "C0DEALS"], updates.Select(u => u.Field("channel")).Order(StringComparer.Ordinal));
        Assert.All(updates, u =>
        {
            var text = NotificationsApp.BlockText(u);
            Assert.Contains("Claimed by <@U0BOB>", text, StringComparison.Ordinal);
            Assert.Contains(NotificationActions.Release, text, StringComparison.Ordinal);
            Assert.DoesNotContain(NotificationActions.Claim + "\"", text, StringComparison.Ordinal);
        });
        var replies = app.Posts().Where(p => p.Field("thread_ts") is not null).ToList();
        Assert.Equal(new[] { deals.SlackTs, ae.SlackTs }.Order(StringComparer.Ordinal), replies.Select(r => r.Field("thread_ts")).Order(StringComparer.Ordinal));
        Assert.All(replies, r => Assert.Equal(":raising_hand: <@U0BOB> claimed Jane Doe (Acme Corp).", r.Field("text")));
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal("U0BOB", d.ClaimedBy));
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task A_second_claim_on_another_copy_is_told_who_has_it_and_changes_nothing()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS", "C0AE"] });
        var (deals, ae) = await PostedAsync(app);
        await ClickAsync(app, NotificationActions.Claim, deals, "U0BOB");
        var updatesBefore = app.Slack.CallsTo("chat.update").Count();

        await ClickAsync(app, NotificationActions.Claim, ae, "U0CAROL");
        await ClickAsync(app, NotificationActions.Claim, deals, "U0BOB");

        Assert.Equal(["<@U0BOB> has claimed it.", "You have claimed it already."], app.Slack.CallsTo("response_url").Select(c => c.Field("text")));
        Assert.Equal(updatesBefore, app.Slack.CallsTo("chat.update").Count());
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal("U0BOB", d.ClaimedBy));
    }

    [Fact]
    public async Task Only_the_claimer_releases_and_then_anyone_may_claim_again()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        var (deals, _) = await PostedAsync(app);
        await ClickAsync(app, NotificationActions.Claim, deals, "U0BOB");

        await ClickAsync(app, NotificationActions.Release, deals, "U0CAROL");
        Assert.Equal("Only <@U0BOB>, who claimed it, can release it.", app.Slack.CallsTo("response_url").Last().Field("text"));
        Assert.Equal("U0BOB", (await app.DeliveriesAsync())[0].ClaimedBy);

        await ClickAsync(app, NotificationActions.Release, deals, "U0BOB");
        Assert.Null((await app.DeliveriesAsync())[0].ClaimedBy);
        var released = app.Slack.CallsTo("chat.update").Last();
        Assert.Contains(NotificationActions.Claim, NotificationsApp.BlockText(released), StringComparison.Ordinal);
        Assert.DoesNotContain("Claimed by", NotificationsApp.BlockText(released), StringComparison.Ordinal);
        Assert.Equal(":leftwards_arrow_with_hook: <@U0BOB> released Jane Doe (Acme Corp).", app.Posts()[^1].Field("text"));

        await ClickAsync(app, NotificationActions.Claim, deals, "U0CAROL");
        Assert.Equal("U0CAROL", (await app.DeliveriesAsync())[0].ClaimedBy);
    }

    [Fact]
    public async Task A_dm_has_no_claim_button_and_a_forged_claim_on_one_is_refused()
    {
        await using var app = await AppAsync(new WorkflowRecipients { UserIds = ["U0REP"] });
        app.Slack.Users["U0REP"] = new FakeUser("U0REP", "rep@vendor.example", false, "Rep");
        var (dm, _) = await PostedAsync(app);
        Assert.DoesNotContain(NotificationActions.Claim, NotificationsApp.BlockText(Assert.Single(app.Posts())), StringComparison.Ordinal);

        await ClickAsync(app, NotificationActions.Claim, dm, "U0REP");

        Assert.Equal(NotificationClaims.NotClaimable, Assert.Single(app.Slack.CallsTo("response_url")).Field("text"));
        Assert.Null((await app.DeliveriesAsync())[0].ClaimedBy);
    }

    [Fact]
    public async Task A_claim_naming_an_item_of_another_message_changes_nothing()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        var (deals, _) = await PostedAsync(app);

        await app.ClickAsync(NotificationActions.Claim, Id(deals), "C0DEALS", "1700000000.999999", "U0BOB");

        Assert.Equal(ClickedItem.NotFoundText, Assert.Single(app.Slack.CallsTo("response_url")).Field("text"));
        Assert.Null((await app.DeliveriesAsync())[0].ClaimedBy);
        Assert.Empty(app.Slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task A_digest_line_is_claimed_from_its_menu_and_the_digest_shows_who()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS"] }, new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromMinutes(15) });
        var second = SignalPayloads.NewHire("sig_2");
        second["person"]!["email"] = "sig_2@acme.example";
        second["person"]!["full_name"] = "John Roe";
        await PlannedOutbox.PlanAsync(app, [Signal(), second]);
        app.Clock.Advance(TimeSpan.FromMinutes(8));
        await app.DeliverAsync();
        var items = (await app.DeliveriesAsync()).OrderBy(d => d.Id).ToList();
        Assert.Contains("Claim", NotificationsApp.BlockText(Assert.Single(app.Posts())), StringComparison.Ordinal);

        var payload = NotificationsApp.BlockActions(NotificationActions.ItemMenu, "unused", items[1].SlackChannel!, items[1].SlackTs!, "U0BOB");
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "overflow",
            ["action_id"] = NotificationActions.ItemMenu,
            ["block_id"] = "item",
            ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Claim" }, ["value"] = new DigestItemChoice(NotificationActions.Claim, items[1].Id).Write() },
            ["action_ts"] = "1700000100.000200",
        });
        await app.InteractAsync(payload);

        Assert.Equal([null, "U0BOB"], (await app.DeliveriesAsync()).OrderBy(d => d.Id).Select(d => d.ClaimedBy));
        var update = Assert.Single(app.Slack.CallsTo("chat.update"));
        Assert.Contains("claimed by <@U0BOB>", NotificationsApp.BlockText(update), StringComparison.Ordinal);
        Assert.Contains("2 new signals", NotificationsApp.BlockText(update), StringComparison.Ordinal);
        Assert.Equal(":raising_hand: <@U0BOB> claimed John Roe (Acme Corp).", app.Posts()[^1].Field("text"));
        Assert.Empty(app.Slack.Violations);
    }

    private static async Task<NotificationsApp> AppAsync(WorkflowRecipients recipients, WorkflowDelivery? delivery = null)
    {
        var app = new NotificationsApp(start: Start, hostedDelivery: false);
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", recipients, delivery: delivery ?? WorkflowDelivery.Default);
        return app;
    }

    private static JsonObject Signal() => SignalPayloads.NewHire("sig_1");

    // One signal in, its copies sent: the first two copies in id order (the second may be the first again when there is one).
    private static async Task<(OutboxDelivery First, OutboxDelivery Second)> PostedAsync(NotificationsApp app)
    {
        await PlannedOutbox.PlanAsync(app, [Signal()]);
        await app.DeliverAsync();
        var copies = (await app.DeliveriesAsync()).OrderBy(d => d.Id).ToList();
        Assert.All(copies, c => Assert.Equal(DeliveryStatus.Sent, c.Status));
        return (copies[0], copies[^1]);
    }

    private static Task ClickAsync(NotificationsApp app, string actionId, OutboxDelivery copy, string userId) =>
        app.ClickAsync(actionId, Id(copy), copy.SlackChannel!, copy.SlackTs!, userId);

    private static string Id(OutboxDelivery copy) => copy.Id.ToString(CultureInfo.InvariantCulture);
}
