using System.Text.Json.Nodes;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>
/// The delivery worker when things go wrong around a send: the database after Slack accepted, leases running out
/// mid-batch, rows that cannot be read. The hosted worker is off; every pass is driven here, on a fake clock.
/// </summary>
public sealed class DeliveryFaultTests
{
    // Only a broken flow waits this long; a blocked fake Slack call gives up after it so a failing test cannot hang.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_message_Slack_accepted_is_not_posted_again_when_recording_it_sent_keeps_failing()
    {
        await using var app = await AppAsync("C0DEALS");
        await PlanAsync(app, "sig_1");
        await FailRecordingSentAsync(app, times: 1000);

        var first = await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliverAsync();

        Assert.Equal(1, first.Sent);
        Assert.Single(app.Posts());
        // Not put back to wait: it stays handed to Slack, under its lease, as after a crash right after the post.
        var delivery = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Sending, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public async Task Recording_sent_is_tried_again_at_once_when_the_database_refuses_it_briefly()
    {
        await using var app = await AppAsync("C0DEALS");
        await PlanAsync(app, "sig_1");
        await FailRecordingSentAsync(app, times: 2);

        await app.DeliverAsync();

        var post = Assert.Single(app.Posts());
        var delivery = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(post.Field("channel"), delivery.SlackChannel);
        Assert.NotNull(delivery.SlackTs);
    }

    [Fact]
    public async Task A_row_whose_lease_ran_out_mid_batch_is_sent_by_one_instance_only()
    {
        await using var app = await AppAsync("C0ONE", "C0TWO");
        await PlanAsync(app, "sig_1");
        using var first = app.NewInstance();
        using var second = app.NewInstance();
        using var release = new ManualResetEventSlim();
        var secondPostInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = 0;
        app.Slack.On("chat.postMessage", _ =>
        {
            switch (Interlocked.Increment(ref posts))
            {
                case 1:
                    // A slow Slack call: the rest of the batch outlives the 2-minute lease of its claim.
                    app.Clock.Advance(TimeSpan.FromMinutes(3));
                    break;
                case 2:
                    // The next row is on its way to Slack: hold it there while another instance looks for work.
                    secondPostInFlight.TrySetResult();
                    release.Wait(Patience);
                    break;
            }

            return null;
        });

        var firstPass = Task.Run(first.RunOnceAsync);
        var sentMeanwhile = 0;
        try
        {
            if (await Task.WhenAny(firstPass, secondPostInFlight.Task) == secondPostInFlight.Task)
            {
                // The first instance is sending the row: the other must not get it, whatever its lease said at claim time.
                sentMeanwhile = (await second.RunOnceAsync()).Sent;
            }
        }
        finally
        {
            release.Set();
            await firstPass;
        }

        Assert.Equal(0, sentMeanwhile);
        // The row the first instance skipped (its pacer spent the channel's turn on it) waits a second; anyone may send it.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await second.RunOnceAsync();

        Assert.Single(app.Posts("C0ONE"));
        Assert.Single(app.Posts("C0TWO"));
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task A_claim_that_outlived_its_lease_is_not_sent_by_its_old_owner()
    {
        await using var app = await AppAsync("C0DEALS");
        await PlanAsync(app, "sig_1");
        var outbox = app.Outbox;
        var delivery = Assert.Single(await outbox.ClaimAsync("instance-a", 50, TimeSpan.FromMinutes(2), NotificationsApp.Ct));

        app.Clock.Advance(TimeSpan.FromMinutes(2.5));
        Assert.False(await outbox.MarkSendingAsync(NotificationsApp.Acme, delivery.Id, "instance-a", TimeSpan.FromMinutes(2), NotificationsApp.Ct));

        var again = Assert.Single(await outbox.ClaimAsync("instance-a", 50, TimeSpan.FromMinutes(2), NotificationsApp.Ct));
        app.Clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.True(await outbox.MarkSendingAsync(NotificationsApp.Acme, again.Id, "instance-a", TimeSpan.FromMinutes(2), NotificationsApp.Ct));
        // Marking it sending renewed the lease from now: another instance cannot take it during the Slack call.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await outbox.ClaimAsync("instance-b", 50, TimeSpan.FromMinutes(2), NotificationsApp.Ct));
    }

    [Fact]
    public async Task A_row_whose_stored_signal_no_longer_parses_ends_failed_and_the_others_are_sent()
    {
        await using var app = await AppAsync("C0DEALS");
        await PlanAsync(app, "sig_bad", "sig_good");
        await app.ExecuteAsync("""UPDATE signals SET raw_json = '{"id":"sig_bad","type":"new_hire"}' WHERE signal_id = 'sig_bad'""");

        var pass = await app.DeliverAsync();

        Assert.Equal(1, pass.Sent);
        Assert.Equal(1, pass.Failed);
        Assert.Single(app.Posts("C0DEALS"));
        var deliveries = await app.DeliveriesAsync();
        var bad = Assert.Single(deliveries, d => d.Status == DeliveryStatus.Failed);
        Assert.Equal(DeliveryErrors.UnreadableSignal, bad.LastError);
        Assert.Contains("could not be read", bad.ErrorDetail, StringComparison.Ordinal);
        Assert.Single(deliveries, d => d.Status == DeliveryStatus.Sent);
        Assert.Null(await app.Outbox.EarliestDueAsync(NotificationsApp.Ct));
    }

    [Fact]
    public async Task A_bot_token_that_cannot_be_decrypted_fails_the_workspace_rows_without_ending_the_pass()
    {
        await using var app = await AppAsync("C0DEALS");
        await PlanAsync(app, "sig_1", "sig_2");
        // Valid base64url, but no payload of this key ring: as after the Data Protection keys were replaced.
        await app.ExecuteAsync("UPDATE installations SET bot_token_protected = 'CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'");
        // Written behind the app's back, as a restart with new keys would find it: nothing remembered from before.
        app.Service<SlackApp.Installations.InstallationCache>().Clear();

        var pass = await app.DeliverAsync();

        Assert.Equal(2, pass.Failed);
        Assert.Empty(app.Posts());
        Assert.All(await app.DeliveriesAsync(), d =>
        {
            Assert.Equal(DeliveryStatus.Failed, d.Status);
            Assert.Equal(DeliveryErrors.UnreadableInstallation, d.LastError);
        });
    }

    [Fact]
    public async Task While_due_rows_are_leased_the_next_wake_up_is_when_the_lease_runs_out()
    {
        await using var app = await AppAsync("C0DEALS");
        await PlanAsync(app, "sig_1");
        var now = app.Clock.GetUtcNow();
        Assert.Equal(now, await app.Outbox.EarliestDueAsync(NotificationsApp.Ct));

        await app.Outbox.ClaimAsync("another-instance", 50, TimeSpan.FromMinutes(2), NotificationsApp.Ct);

        Assert.Equal(now + TimeSpan.FromMinutes(2), await app.Outbox.EarliestDueAsync(NotificationsApp.Ct));
    }

    [Fact]
    public async Task Every_notification_carries_its_delivery_id_in_the_message_metadata()
    {
        await using var app = await AppAsync("C0DEALS");
        await PlanAsync(app, "sig_1");

        await app.DeliverAsync();

        var metadata = Assert.IsType<JsonObject>(Assert.Single(app.Posts()).Body["metadata"]);
        Assert.Equal(NotificationMetadata.EventType, metadata["event_type"]?.GetValue<string>());
        var delivery = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(delivery.Id, metadata["event_payload"]?["delivery_id"]?.GetValue<long>());
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task A_send_test_that_fails_in_the_app_ends_its_row_failed()
    {
        await using var app = new NotificationsApp(hostedDelivery: false);
        await app.InstallAsync();
        var workflow = await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        app.Slack.On("chat.postMessage", _ => throw new InvalidOperationException("The connection broke in an unexpected way."));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            app.Service<TestNotificationSender>().SendAsync(NotificationsApp.Acme, workflow, "U0ASKER", NotificationsApp.Ct));

        var test = Assert.Single(await app.DeliveriesAsync());
        Assert.True(test.IsTest);
        Assert.Equal(DeliveryStatus.Failed, test.Status);
        Assert.Equal(DeliveryErrors.AppError, test.LastError);
        Assert.Contains(nameof(InvalidOperationException), test.ErrorDetail, StringComparison.Ordinal);
    }

    private static Task<NotificationsApp> AppAsync(params string[] channels) => PlannedOutbox.AppAsync(channels);

    private static Task PlanAsync(NotificationsApp app, params string[] signalIds) => PlannedOutbox.PlanAsync(app, signalIds);

    // The database refuses to record a delivery sent the next `times` times (as a locked or deadlocked database would).
    private static Task FailRecordingSentAsync(NotificationsApp app, int times) => app.ExecuteAsync($"""
        CREATE TABLE sent_faults (remaining INTEGER NOT NULL);
        INSERT INTO sent_faults (remaining) VALUES ({times});
        CREATE TRIGGER fail_recording_sent BEFORE UPDATE OF status ON notification_deliveries
        WHEN NEW.status = '{DeliveryStatus.Sent}' AND (SELECT remaining FROM sent_faults) > 0
        BEGIN
            UPDATE sent_faults SET remaining = remaining - 1;
            SELECT RAISE(FAIL, 'database is locked');
        END;
        """);
}
