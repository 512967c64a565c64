using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Notifications;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Notifications;

/// <summary>Snooze: the copy leaves its reader's view and comes back as a DM reminder at its time, with working buttons.</summary>
public sealed class SnoozeTests
{
    [Fact]
    public async Task A_dm_snoozed_for_a_day_says_until_when_and_comes_back_then_as_a_reminder_whose_buttons_work()
    {
        await using var app = await AppAsync(new WorkflowRecipients { UserIds = ["U0REP"] });
        var dm = await PostedAsync(app);

        Assert.Equal(string.Empty, await SubmitAsync(app, dm, "U0REP", "1d"));

        var collapsed = Assert.Single(app.Slack.CallsTo("chat.update"));
        Assert.Contains("Snoozed until", NotificationsApp.BlockText(collapsed), StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationActions.Acknowledge, NotificationsApp.BlockText(collapsed), StringComparison.Ordinal);
        Assert.StartsWith(":zzz: <@U0REP> snoozed Jane Doe (Acme Corp) until", app.Posts().Single(p => p.Field("thread_ts") == dm.SlackTs).Field("text"), StringComparison.Ordinal);
        var reminder = Assert.Single(await app.DeliveriesAsync(), d => d.RecipientKind == RecipientKind.Reminder);
        Assert.Equal(DeliveryStatus.Held, reminder.Status);
        Assert.Equal(HoldReason.Snooze, reminder.HeldReason);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromDays(1), reminder.NextAttemptAt);

        await app.DeliverAsync();
        Assert.Single(Messages(app));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.DeliverAsync();

        var posted = Messages(app);
        Assert.Equal(2, posted.Count);
        Assert.Contains("Reminder", NotificationsApp.BlockText(posted[1]), StringComparison.Ordinal);
        Assert.Contains(NotificationActions.Acknowledge, NotificationsApp.BlockText(posted[1]), StringComparison.Ordinal);
        reminder = Assert.Single(await app.DeliveriesAsync(), d => d.RecipientKind == RecipientKind.Reminder);
        await app.ClickAsync(NotificationActions.Acknowledge, Id(reminder), reminder.SlackChannel!, reminder.SlackTs!, "U0REP");
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal("U0REP", d.AcknowledgedBy));
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task A_date_brings_it_back_at_nine_in_the_readers_own_zone()
    {
        await using var app = await AppAsync(new WorkflowRecipients { UserIds = ["U0REP"] }, tz: "Europe/Berlin");
        var dm = await PostedAsync(app);
        var date = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(3);

        Assert.Equal(string.Empty, await SubmitAsync(app, dm, "U0REP", SnoozeModal.OnDate, date));

        var reminder = Assert.Single(await app.DeliveriesAsync(), d => d.RecipientKind == RecipientKind.Reminder);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), berlin.GetUtcOffset(date.ToDateTime(new TimeOnly(9, 0)))).ToUniversalTime(), reminder.NextAttemptAt);
    }

    [Fact]
    public async Task A_past_date_or_none_is_refused_on_the_date_and_nothing_is_snoozed()
    {
        await using var app = await AppAsync(new WorkflowRecipients { UserIds = ["U0REP"] });
        var dm = await PostedAsync(app);

        var past = await SubmitAsync(app, dm, "U0REP", SnoozeModal.OnDate, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1));
        var none = await SubmitAsync(app, dm, "U0REP", SnoozeModal.OnDate);

        Assert.Contains(Snoozes.DateNotAhead, past, StringComparison.Ordinal);
        Assert.Contains(SnoozeModal.DateBlock, none, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.DeliveriesAsync(), d => d.RecipientKind == RecipientKind.Reminder || d.SnoozedBy is not null);
    }

    [Fact]
    public async Task Someone_else_cannot_snooze_a_dm_but_anyone_in_a_channel_snoozes_it_for_themselves_and_every_copy_says_so()
    {
        await using var app = await AppAsync(new WorkflowRecipients { UserIds = ["U0REP"], ChannelIds = ["C0DEALS"] });
        var copies = await PostedAllAsync(app);
        var dm = copies.Single(c => c.RecipientKind == RecipientKind.User);
        var post = copies.Single(c => c.RecipientKind == RecipientKind.Channel);

        Assert.Contains("Only <@U0REP>, who received it, can snooze it.", await SubmitAsync(app, dm, "U0BOB", "3d"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await SubmitAsync(app, post, "U0BOB", "3d"));

        var reminder = Assert.Single(await app.DeliveriesAsync(), d => d.RecipientKind == RecipientKind.Reminder);
        Assert.Equal("U0BOB", reminder.RecipientId);
        // One signal, one state: both copies say who put it off, and neither leaves its readers' view.
        var updates = app.Slack.CallsTo("chat.update").ToList();
        Assert.Equal(new[] { "C0DEALS", dm.SlackChannel }.Order(StringComparer.Ordinal), updates.Select(u => u.Field("channel")).Order(StringComparer.Ordinal));
        Assert.All(updates, update =>
        {
            Assert.Contains("<@U0BOB> snoozed this until", NotificationsApp.BlockText(update), StringComparison.Ordinal);
            Assert.Contains(NotificationActions.Acknowledge, NotificationsApp.BlockText(update), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_same_snooze_twice_keeps_one_reminder_and_tells_the_thread_once()
    {
        await using var app = await AppAsync(new WorkflowRecipients { UserIds = ["U0REP"] });
        var dm = await PostedAsync(app);

        await SubmitAsync(app, dm, "U0REP", "1w");
        await SubmitAsync(app, (await app.Outbox.GetAsync(NotificationsApp.Acme, dm.Id, NotificationsApp.Ct))!, "U0REP", "1w");

        Assert.Single(await app.DeliveriesAsync(), d => d.RecipientKind == RecipientKind.Reminder);
        Assert.Single(app.Posts(), p => p.Field("thread_ts") is not null);
    }

    private static async Task<NotificationsApp> AppAsync(WorkflowRecipients recipients, string? tz = null)
    {
        var app = new NotificationsApp(hostedDelivery: false);
        await app.InstallAsync();
        app.Slack.Users["U0REP"] = new FakeUser("U0REP", "rep@vendor.example", false, "Rep") { Tz = tz };
        await app.WorkflowAsync("Execs", recipients, delivery: WorkflowDelivery.Default with { DuplicateWindow = null });
        return app;
    }

    private static async Task<OutboxDelivery> PostedAsync(NotificationsApp app) => Assert.Single(await PostedAllAsync(app));

    private static async Task<IReadOnlyList<OutboxDelivery>> PostedAllAsync(NotificationsApp app)
    {
        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_1")]);
        await app.DeliverAsync();
        var copies = await app.DeliveriesAsync();
        Assert.All(copies, c => Assert.Equal(DeliveryStatus.Sent, c.Status));
        return copies;
    }

    private static async Task<string> SubmitAsync(NotificationsApp app, OutboxDelivery item, string userId, string choice, DateOnly? date = null)
    {
        var view = System.Text.Json.JsonSerializer.SerializeToNode(SnoozeModal.Build(new ItemOfMessage(item.Id, item.SlackChannel!, item.SlackTs!)), SlackApp.Slack.Json.SlackJson.Options)!.AsObject();
        var values = new JsonObject
        {
            [SnoozeModal.ForBlock] = new JsonObject { [SnoozeModal.ForBlock + ".value"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = choice }, ["value"] = choice } } },
            [SnoozeModal.DateBlock] = new JsonObject { [SnoozeModal.DateBlock + ".value"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
        };
        var response = await app.Client.SendAsync(Submission(view, values, userId), NotificationsApp.Ct);
        await app.Service<ISlackBackgroundWork>().WhenIdleAsync(NotificationsApp.Ct);
        return await response.Content.ReadAsStringAsync(NotificationsApp.Ct);
    }

    // The DM's messages, not the replies in their threads.
    private static List<SlackCall> Messages(NotificationsApp app) => [.. app.Posts("U0REP").Where(p => p.Field("thread_ts") is null)];

    private static string Id(OutboxDelivery item) => item.Id.ToString(CultureInfo.InvariantCulture);
}
