using System.Text.Json.Nodes;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>The delivery worker against Slack's failures, on a fake clock: rate limits, retries, permanent errors, restarts, uninstalls.</summary>
public sealed class DeliveryWorkerTests
{
    [Fact]
    public async Task A_429_holds_the_whole_workspace_back_until_Retry_After_has_passed_then_goes_on_at_half_pace()
    {
        // One send at a time, so the 429 comes before the second message is handed to Slack.
        await using var app = new NotificationsApp(settings: ("Notifications:MaxConcurrentSends", "1"));
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"], UserIds = ["U0BOSS"] });
        var calls = 0;
        app.Slack.On("chat.postMessage", _ => Interlocked.Increment(ref calls) == 1 ? FakeSlackAnswer.RateLimited(2) : null);

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.PostedToAsync("C0DEALS");
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(1.9));
        await app.DeliverAsync();

        var held = Assert.Single(app.Posts());
        Assert.Equal("C0DEALS", held.Field("channel"));
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Pending, d.Status));

        app.Clock.Advance(TimeSpan.FromSeconds(0.1));
        await app.DeliverAsync();
        Assert.Equal(2, app.Posts("C0DEALS").Count);
        Assert.Empty(app.Posts("U0BOSS"));

        // The workspace's pace halved (4/s -> 2/s) and there is no burst after a hold: the next one waits 0.5 s.
        app.Clock.Advance(TimeSpan.FromSeconds(0.5));
        await app.DeliverAsync();
        Assert.Single(app.Posts("U0BOSS"));
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        // A 429 is Slack saying "later", not a failed attempt.
        Assert.Equal(1, Assert.Single(await app.DeliveriesAsync(), d => d.RecipientId == "C0DEALS").Attempts);
    }

    [Fact]
    public async Task A_500_then_success_delivers_once_after_the_backoff()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        var calls = 0;
        app.Slack.On("chat.postMessage", _ => Interlocked.Increment(ref calls) == 1 ? FakeSlackAnswer.ServerError() : null);

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.PostedToAsync("C0DEALS");
        await app.DeliverAsync();
        var waiting = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Pending, waiting.Status);
        Assert.Equal("internal_error", waiting.LastError);
        // Backoff after the first failure: between half and all of the 10 s base delay.
        Assert.InRange(waiting.NextAttemptAt - app.Clock.GetUtcNow(), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

        await app.DeliverAsync();
        Assert.Single(app.Posts());
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.DeliverAsync();

        Assert.Equal(2, app.Posts().Count);
        var sent = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task Transient_failures_end_failed_after_the_attempt_limit()
    {
        await using var app = new NotificationsApp(settings: ("Notifications:MaxAttempts", "3"));
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.Error("service_unavailable"));

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.PostedToAsync("C0DEALS");
        for (var i = 0; i < 5; i++)
        {
            await app.DeliverAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(3, app.Posts().Count);
        var failed = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal("service_unavailable", failed.LastError);
    }

    [Fact]
    public async Task Channel_not_found_fails_at_once_keeping_the_code()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0GONE"] });
        app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.Error("channel_not_found"));

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.PostedToAsync("C0GONE");
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.DeliverAsync();

        Assert.Single(app.Posts());
        var failed = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal("channel_not_found", failed.LastError);
        Assert.Equal(1, failed.Attempts);
    }

    [Fact]
    public async Task Not_in_channel_on_a_private_channel_records_which_channel_to_invite_the_app_to()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["G0SECRET"] });
        app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.Error("not_in_channel"));
        app.Slack.On("conversations.info", c => FakeSlackAnswer.Ok(new JsonObject
        {
            ["channel"] = new JsonObject { ["id"] = c.Field("channel"), ["name"] = "deal-room", ["is_group"] = true, ["is_private"] = true, ["is_member"] = false },
        }));

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.PostedToAsync("G0SECRET");
        await app.DeliverAsync();

        var failed = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal("not_in_channel", failed.LastError);
        Assert.StartsWith("Invite the app to #deal-room", failed.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_deliveries_left_by_a_stopped_instance_are_delivered_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("slackapp-restart-").FullName;
        try
        {
            var start = DateTimeOffset.UtcNow;
            await using (var before = new NotificationsApp(folder, start))
            {
                await before.InstallAsync();
                await before.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
                before.Slack.On("chat.postMessage", _ => FakeSlackAnswer.ServerError());
                await before.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
                await before.PostedToAsync("C0DEALS");
                await before.DeliverAsync();
                Assert.Equal(DeliveryStatus.Pending, Assert.Single(await before.DeliveriesAsync()).Status);
            }

            await using var after = new NotificationsApp(folder, start.AddMinutes(1));
            await after.PostedToAsync("C0DEALS");
            await after.DeliverAsync();

            var sent = Assert.Single(await after.DeliveriesAsync());
            Assert.Equal(DeliveryStatus.Sent, sent.Status);
            Assert.Single(after.Posts());
        }
        finally
        {
            // Each app cleared its own pool when it was disposed.
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_uninstalled_workspace_gets_its_waiting_deliveries_cancelled_and_nothing_sent()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        var workflow = await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        await app.Service<InstallationStore>().DeleteAsync(null, NotificationsApp.TeamId, NotificationsApp.Ct);
        var planned = new PlannedDelivery(RecipientKind.Channel, "C0DEALS", [new WorkflowMatch(workflow, ["New hire"])], []);
        await app.Service<SignalRepository>().AddAsync(NotificationsApp.Acme, [Signals.SignalRepositoryTests.Incoming("sig_1")], NotificationsApp.Ct);

        await app.Outbox.AddAsync([new PlannedSignal(NotificationsApp.Acme, 1, new RecipientPlan([planned], AccountPeople.None))], NotificationsApp.Ct);
        await app.DeliverAsync();

        var cancelled = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Failed, cancelled.Status);
        Assert.Equal(DeliveryErrors.AppUninstalled, cancelled.LastError);
        Assert.Equal("app uninstalled", cancelled.ErrorDetail);
        Assert.Empty(app.Posts());
    }

    [Fact]
    public async Task The_planner_called_twice_for_a_signal_writes_its_deliveries_once()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        app.Slack.AddUser("U0AE", "ae@vendor.example");
        var workflow = await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"], Roles = [AccountRole.Owner] });
        var stored = new StoredSignal { Id = 42, Signal = SampleSignals.NewExecutiveAtClosedLost(), RawJson = SignalPayloads.NewHire().ToJsonString(), ReceivedAt = app.Clock.GetUtcNow() };
        var planner = app.Service<ISignalMatchHandler>();
        Assert.IsType<NotificationPlanner>(planner);

        await planner.HandleAsync(NotificationsApp.Acme, stored, [new WorkflowMatch(workflow, ["New hire"])], NotificationsApp.Ct);
        await planner.HandleAsync(NotificationsApp.Acme, stored, [new WorkflowMatch(workflow, ["New hire"])], NotificationsApp.Ct);

        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE signal_row_id = 42"));
        Assert.Single(app.Slack.CallsTo("users.lookupByEmail"));
    }

    [Fact]
    public async Task A_transient_failure_looking_up_an_owner_throws_so_the_signal_is_retried()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        var workflow = await app.WorkflowAsync("Execs", new WorkflowRecipients { Roles = [AccountRole.Owner] });
        app.Slack.On("users.lookupByEmail", _ => FakeSlackAnswer.ServerError());
        var stored = new StoredSignal { Id = 7, Signal = SampleSignals.NewExecutiveAtClosedLost(), RawJson = SignalPayloads.NewHire().ToJsonString(), ReceivedAt = app.Clock.GetUtcNow() };

        var error = await Assert.ThrowsAsync<SlackApp.Slack.WebApi.SlackApiException>(() =>
            app.Service<ISignalMatchHandler>().HandleAsync(NotificationsApp.Acme, stored, [new WorkflowMatch(workflow, ["New hire"])], NotificationsApp.Ct));

        Assert.True(error.IsTransient);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM notification_deliveries"));
    }
}
