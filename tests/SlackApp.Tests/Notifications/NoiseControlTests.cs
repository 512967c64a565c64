using System.Text.Json.Nodes;
using Dapper;
using SlackApp.Notifications;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>Digests, burst coalescing, the duplicate window, the daily cap and quiet hours, end to end on a fake clock.</summary>
public sealed class NoiseControlTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 7, 0, TimeSpan.Zero);
    private const string Channel = "C0DEALS";

    [Fact]
    public async Task Digest_items_wait_for_the_interval_and_go_out_together_in_one_message()
    {
        await using var app = await AppAsync(new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromMinutes(15) });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2"), Person("sig_3")]);

        await app.DeliverAsync();
        Assert.Empty(app.Posts());
        Assert.All(await app.DeliveriesAsync(), d =>
        {
            Assert.Equal(DeliveryStatus.Held, d.Status);
            Assert.Equal(HoldReason.Digest, d.HeldReason);
            Assert.Equal(Start.Date.AddHours(10).AddMinutes(15), d.NextAttemptAt.UtcDateTime);
        });
        Assert.Equal(Start.Date.AddHours(10).AddMinutes(15), (await app.Outbox.EarliestDueAsync(NotificationsApp.Ct))!.Value.UtcDateTime);

        app.Clock.Advance(TimeSpan.FromMinutes(8));
        await app.DeliverAsync();

        var post = Assert.Single(app.Posts(Channel));
        Assert.Contains("3 new signals", NotificationsApp.BlockText(post), StringComparison.Ordinal);
        Assert.Empty(app.Slack.Violations);
        var items = await app.DeliveriesAsync();
        Assert.All(items, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Single(items.Select(d => (d.SlackChannel, d.SlackTs)).Distinct());
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM notification_messages WHERE kind = 'digest' AND status = 'sent' AND item_count = 3"));
    }

    [Fact]
    public async Task A_burst_for_one_channel_goes_out_in_few_messages_each_item_once()
    {
        await using var app = await AppAsync(WorkflowDelivery.Default with { DuplicateWindow = null });
        await PlannedOutbox.PlanAsync(app, [.. Enumerable.Range(0, 100).Select(i => Person($"sig_{i}"))]);

        for (var second = 0; second < 60 && await app.Outbox.EarliestDueAsync(NotificationsApp.Ct) is not null; second++)
        {
            await app.DeliverAsync();
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var items = await app.DeliveriesAsync(limit: 200);
        Assert.All(items, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(100, items.Count);
        // Two digests of 45 while more than the 30 s window's 30 waited, then the last 10 one by one.
        Assert.Equal(12, app.Posts(Channel).Count);
        Assert.Equal(90, await app.CountAsync("SELECT SUM(item_count) FROM notification_messages WHERE status = 'sent'"));
        Assert.Equal(12, items.Select(d => d.SlackTs).Distinct().Count());
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task The_same_person_again_within_the_window_is_suppressed_with_the_reason_but_a_new_title_is_sent()
    {
        await using var app = await AppAsync(WorkflowDelivery.Default);
        await PlannedOutbox.PlanAsync(app, [Person("sig_1", "jane@acme.example")]);
        app.Clock.Advance(TimeSpan.FromDays(2));
        await PlannedOutbox.PlanAsync(app, [Person("sig_2", "jane@acme.example")]);
        await PlannedOutbox.PlanAsync(app, [Person("sig_3", "jane@acme.example", title: "Chief Revenue Officer")]);

        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.DeliverAsync();

        var items = (await app.DeliveriesAsync()).OrderBy(d => d.SignalRowId).ToList();
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Suppressed, DeliveryStatus.Sent], items.Select(d => d.Status));
        Assert.Equal("duplicate", items[1].SuppressedReason);
        Assert.Equal(2, app.Posts(Channel).Count);
    }

    [Fact]
    public async Task With_the_window_off_the_same_person_is_sent_again()
    {
        await using var app = await AppAsync(WorkflowDelivery.Default with { DuplicateWindow = null });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1", "jane@acme.example"), Person("sig_2", "jane@acme.example")]);

        Assert.DoesNotContain(await app.DeliveriesAsync(), d => d.Status == DeliveryStatus.Suppressed);
    }

    [Fact]
    public async Task Items_beyond_the_daily_cap_wait_for_the_next_days_digest_which_says_so()
    {
        await using var app = await AppAsync(WorkflowDelivery.Default with { DailyCap = 2, DailyAt = new TimeOnly(9, 0), DuplicateWindow = null });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2"), Person("sig_3"), Person("sig_4")]);

        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.DeliverAsync();

        Assert.Equal(2, app.Posts(Channel).Count);
        var held = (await app.DeliveriesAsync()).Where(d => d.Status == DeliveryStatus.Held).ToList();
        Assert.Equal(2, held.Count);
        Assert.All(held, d => Assert.Equal(HoldReason.DailyCap, d.HeldReason));
        Assert.All(held, d => Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), d.NextAttemptAt));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        await app.DeliverAsync();

        Assert.Equal(3, app.Posts(Channel).Count);
        Assert.Contains("daily cap", NotificationsApp.BlockText(app.Posts(Channel)[^1]), StringComparison.Ordinal);
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task A_persons_quiet_hours_hold_their_DMs_in_their_own_time_zone_and_fold_them_into_one_message()
    {
        await using var app = new NotificationsApp(start: Start, hostedDelivery: false);
        await app.InstallAsync();
        app.Slack.Users["U0REP"] = new FakeUser("U0REP", "rep@vendor.example", false, "Rep") { Tz = "Europe/Berlin" };
        await app.WorkflowAsync("Execs", new WorkflowRecipients { UserIds = ["U0REP"] }, delivery: WorkflowDelivery.Default with { DuplicateWindow = null });
        // 10:07 UTC is 11:07 in Berlin: inside 11:00–13:00 there, which ends at 12:00 UTC.
        await app.Service<SlackApp.Installations.PersonSettingsRepository>().SetQuietHoursAsync(NotificationsApp.Acme, "U0REP", new SlackApp.Installations.QuietHours(new TimeOnly(11, 0), new TimeOnly(13, 0)), NotificationsApp.Ct);
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2")]);

        await app.DeliverAsync();
        Assert.Empty(app.Posts());
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal(HoldReason.QuietHours, d.HeldReason));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await app.DeliverAsync();

        var post = Assert.Single(app.Posts("U0REP"));
        Assert.Contains("2 new signals", NotificationsApp.BlockText(post), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_digest_reaches_each_DM_reader_at_its_time_in_their_zone_and_one_without_tz_in_the_workspaces()
    {
        await using var app = new NotificationsApp(start: Start, hostedDelivery: false);
        await app.InstallAsync();
        var settings = app.Service<SlackApp.Installations.WorkspaceSettingsRepository>();
        var current = await settings.GetAsync(NotificationsApp.Acme, NotificationsApp.Ct);
        await settings.SaveAsync(NotificationsApp.Acme, current with { TimeZone = "America/New_York" }, "U0ADMIN", NotificationsApp.Ct);
        app.Slack.Users["U0BER"] = new FakeUser("U0BER", "ber@vendor.example", false, "Berlin") { Tz = "Europe/Berlin" };
        app.Slack.Users["U0NOTZ"] = new FakeUser("U0NOTZ", "notz@vendor.example", false, "No zone");
        await app.WorkflowAsync("Execs", new WorkflowRecipients { UserIds = ["U0BER", "U0NOTZ"] }, delivery: new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(9, 0) });

        await PlannedOutbox.PlanAsync(app, [Person("sig_1")]);

        var items = (await app.DeliveriesAsync()).ToDictionary(d => d.RecipientId);
        // 10:07 UTC is 11:07 in Berlin: 09:00 there has passed, so tomorrow's (08:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), items["U0BER"].NextAttemptAt);
        // Slack gives no zone for this reader: the workspace's, where 10:07 UTC is 05:07, so today's 09:00 (14:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), items["U0NOTZ"].NextAttemptAt);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
        await app.DeliverAsync();
        Assert.Single(app.Posts("U0NOTZ"));
        Assert.Empty(app.Posts("U0BER"));
    }

    [Fact]
    public async Task Channels_are_not_held_by_the_workspaces_quiet_hours_unless_it_says_so()
    {
        await using var app = await AppAsync(WorkflowDelivery.Default);
        var settings = app.Service<SlackApp.Installations.WorkspaceSettingsRepository>();
        var current = await settings.GetAsync(NotificationsApp.Acme, NotificationsApp.Ct);
        await settings.SaveAsync(NotificationsApp.Acme, current with { QuietHours = new SlackApp.Installations.QuietHours(new TimeOnly(10, 0), new TimeOnly(11, 0)) }, "U0ADMIN", NotificationsApp.Ct);
        await PlannedOutbox.PlanAsync(app, [Person("sig_1")]);

        await settings.SaveAsync(NotificationsApp.Acme, current with { QuietHours = new SlackApp.Installations.QuietHours(new TimeOnly(10, 0), new TimeOnly(11, 0)), QuietHoursHoldChannels = true }, "U0ADMIN", NotificationsApp.Ct);
        await PlannedOutbox.PlanAsync(app, [Person("sig_2")]);

        var items = (await app.DeliveriesAsync()).OrderBy(d => d.SignalRowId).ToList();
        Assert.Equal([DeliveryStatus.Pending, DeliveryStatus.Held], items.Select(d => d.Status));
        Assert.Equal(HoldReason.QuietHours, items[1].HeldReason);
    }

    [Fact]
    public async Task A_digest_posted_but_not_recorded_is_posted_again_once_with_the_same_items()
    {
        await using var app = await AppAsync(new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromMinutes(15) });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2"), Person("sig_3")]);
        app.Clock.Advance(TimeSpan.FromMinutes(8));

        // An instance claims the line, records the digest and hands it to Slack, then dies before recording it sent.
        var lease = TimeSpan.FromMinutes(2);
        var leader = Assert.Single(await app.Outbox.ClaimAsync("dead", 10, lease, NotificationsApp.Ct));
        var line = await app.Outbox.WaitingBehindAsync(leader, "dead", DigestComposer.MaxItems, NotificationsApp.Ct);
        var messageId = await app.Outbox.RecordMessageAsync(line.Items, MessageKind.Digest, "dead", lease, NotificationsApp.Ct);
        Assert.True(await app.Outbox.MarkMessageSendingAsync(NotificationsApp.Acme, messageId!.Value, leader.Id, "dead", lease, NotificationsApp.Ct));

        await app.DeliverAsync();
        Assert.Empty(app.Posts());

        app.Clock.Advance(lease + TimeSpan.FromSeconds(1));
        await app.DeliverAsync();

        var post = Assert.Single(app.Posts(Channel));
        Assert.Contains("3 new signals", NotificationsApp.BlockText(post), StringComparison.Ordinal);
        var items = await app.DeliveriesAsync();
        Assert.All(items, d => Assert.Equal(messageId, d.MessageId));
        Assert.All(items, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM notification_messages"));
    }

    [Fact]
    public async Task A_digest_to_an_archived_channel_fails_visibly_with_slacks_code_on_every_item()
    {
        await using var app = await AppAsync(new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromMinutes(15) });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2")]);
        app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.Error("is_archived"));
        app.Clock.Advance(TimeSpan.FromMinutes(8));

        await app.DeliverAsync();

        Assert.All(await app.DeliveriesAsync(), d =>
        {
            Assert.Equal(DeliveryStatus.Failed, d.Status);
            Assert.Equal("is_archived", d.LastError);
        });
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM notification_messages WHERE status = 'failed' AND last_error = 'is_archived'"));
    }

    [Fact]
    public async Task A_line_of_a_digest_is_acknowledged_on_its_own_and_acknowledge_all_takes_the_rest()
    {
        await using var app = await AppAsync(new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromMinutes(15) });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2"), Person("sig_3")]);
        app.Clock.Advance(TimeSpan.FromMinutes(8));
        await app.DeliverAsync();
        var items = (await app.DeliveriesAsync()).OrderBy(d => d.Id).ToList();
        var (channel, ts) = (items[0].SlackChannel!, items[0].SlackTs!);

        await ClickMenuAsync(app, new DigestItemChoice(NotificationActions.Acknowledge, items[1].Id), channel, ts, "U0REP");

        var afterOne = (await app.DeliveriesAsync()).OrderBy(d => d.Id).ToList();
        Assert.Equal([null, "U0REP", null], afterOne.Select(d => d.AcknowledgedBy));
        var update = Assert.Single(app.Slack.CallsTo("chat.update"));
        Assert.Equal(ts, update.Field("ts"));
        Assert.Empty(app.Slack.Violations);

        await app.ClickAsync(NotificationActions.AcknowledgeAll, items[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), channel, ts, "U0LEAD");

        var afterAll = (await app.DeliveriesAsync()).OrderBy(d => d.Id).ToList();
        Assert.Equal(["U0LEAD", "U0REP", "U0LEAD"], afterAll.Select(d => d.AcknowledgedBy));
        Assert.Contains("All acknowledged", NotificationsApp.BlockText(app.Slack.CallsTo("chat.update").Last()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_menu_choice_naming_an_item_of_another_message_changes_nothing()
    {
        await using var app = await AppAsync(new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromMinutes(15) });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2")]);
        app.Clock.Advance(TimeSpan.FromMinutes(8));
        await app.DeliverAsync();
        var item = (await app.DeliveriesAsync())[0];

        await ClickMenuAsync(app, new DigestItemChoice(NotificationActions.Acknowledge, item.Id), item.SlackChannel!, "1700000000.999999", "U0REP");

        Assert.All(await app.DeliveriesAsync(), d => Assert.Null(d.AcknowledgedBy));
        Assert.Empty(app.Slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task Digest_items_waiting_when_the_workflow_turns_instant_go_out_now_each_once()
    {
        await using var app = await AppAsync(new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromHours(4) });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2")]);
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Held, d.Status));

        await ChangeDeliveryAsync(app, WorkflowDelivery.Default);
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.DeliverAsync();

        var items = await app.DeliveriesAsync();
        Assert.All(items, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(2, app.Posts(Channel).Count);
        Assert.Equal(2, items.Select(d => d.SlackTs).Distinct().Count());
        Assert.Null(await app.Outbox.EarliestDueAsync(NotificationsApp.Ct));
    }

    [Fact]
    public async Task Instant_items_still_waiting_when_the_workflow_turns_digest_wait_for_the_digest()
    {
        await using var app = await AppAsync(WorkflowDelivery.Default);
        await PlannedOutbox.PlanAsync(app, [Person("sig_1"), Person("sig_2")]);

        await ChangeDeliveryAsync(app, new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromMinutes(15) });
        await app.DeliverAsync();
        Assert.Empty(app.Posts());
        Assert.All(await app.DeliveriesAsync(), d =>
        {
            Assert.Equal(HoldReason.Digest, d.HeldReason);
            Assert.Equal(Start.Date.AddHours(10).AddMinutes(15), d.NextAttemptAt.UtcDateTime);
        });

        app.Clock.Advance(TimeSpan.FromMinutes(8));
        await app.DeliverAsync();

        Assert.Contains("2 new signals", NotificationsApp.BlockText(Assert.Single(app.Posts(Channel))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_daily_digest_moved_to_another_time_takes_its_waiting_items_along()
    {
        await using var app = await AppAsync(new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(17, 0) });
        await PlannedOutbox.PlanAsync(app, [Person("sig_1")]);

        await ChangeDeliveryAsync(app, new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(12, 30) });

        var item = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero), item.NextAttemptAt);
    }

    private static async Task ChangeDeliveryAsync(NotificationsApp app, WorkflowDelivery delivery)
    {
        var repository = app.Service<WorkflowRepository>();
        var workflow = Assert.Single(await repository.ListAsync(NotificationsApp.Acme, NotificationsApp.Ct));
        var saved = (await repository.UpdateAsync(NotificationsApp.Acme, workflow with { Delivery = delivery }, "U0ADMIN", NotificationsApp.Ct)).Workflow!;
        await app.Service<IWorkflowDeliveryObserver>().DeliveryChangedAsync(NotificationsApp.Acme, saved, NotificationsApp.Ct);
    }

    private static async Task<NotificationsApp> AppAsync(WorkflowDelivery delivery)
    {
        var app = new NotificationsApp(start: Start, hostedDelivery: false);
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = [Channel] }, delivery: delivery);
        return app;
    }

    private static JsonObject Person(string id, string? email = null, string title = "VP of Sales")
    {
        var signal = SignalPayloads.NewHire(id);
        signal["person"]!["email"] = email ?? $"{id}@acme.example";
        signal["person"]!["title"] = title;
        return signal;
    }

    private static async Task ClickMenuAsync(NotificationsApp app, DigestItemChoice choice, string channel, string ts, string userId)
    {
        var payload = NotificationsApp.BlockActions(NotificationActions.ItemMenu, "unused", channel, ts, userId);
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "overflow",
            ["action_id"] = NotificationActions.ItemMenu,
            ["block_id"] = "item",
            ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acknowledge" }, ["value"] = choice.Write() },
            ["action_ts"] = "1700000100.000200",
        });
        var response = await app.InteractAsync(payload);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
