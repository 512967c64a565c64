using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>Signal in, notifications out, clicks back: the whole app over HTTP with a fake Slack and a fake clock.</summary>
public sealed class NotificationFlowTests
{
    private static readonly WorkflowRecipients DealsAndOwner = new() { ChannelIds = ["C0DEALS"], Roles = [AccountRole.Owner] };

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task Signal_reaches_the_channel_and_the_owner_DM_and_Acknowledge_updates_both_copies_in_place_and_tells_each_thread(SlackTransport transport)
    {
        await using var app = new NotificationsApp(transport: transport);
        await app.InstallAsync();
        app.Slack.AddUser("U0AE", "ae@vendor.example");
        await app.WorkflowAsync("Execs at Closed Lost", DealsAndOwner);

        var response = await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var channelPost = await app.PostedToAsync("C0DEALS");
        var dm = await app.PostedToAsync("U0AE");
        await app.DeliverAsync();
        Assert.Equal("Jane Doe joined Acme Corp as VP of Sales", channelPost.Field("text"));
        Assert.Contains("Execs at Closed Lost", NotificationsApp.BlockText(channelPost), StringComparison.Ordinal);
        // The planner found the owner by email: both copies mention them, and only the DM says why it is theirs.
        Assert.Contains("*Owner*\n<@U0AE>", NotificationsApp.BlockText(channelPost), StringComparison.Ordinal);
        Assert.DoesNotContain("You own this account", NotificationsApp.BlockText(channelPost), StringComparison.Ordinal);
        Assert.Contains("You own this account", NotificationsApp.BlockText(dm), StringComparison.Ordinal);
        Assert.Contains("https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZabAAB/view", NotificationsApp.BlockText(dm), StringComparison.Ordinal);
        var deliveries = await app.DeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        var toChannel = Assert.Single(deliveries, d => d.RecipientId == "C0DEALS");
        Assert.Equal("C0DEALS", toChannel.SlackChannel);
        Assert.NotNull(toChannel.SlackTs);

        await app.ClickAsync(NotificationActions.Acknowledge, Id(toChannel), "C0DEALS", toChannel.SlackTs!, "U0AE");

        var updates = app.Slack.CallsTo("chat.update").ToList();
        Assert.Equal(2, updates.Count);
        var update = Assert.Single(updates, u => u.Field("channel") == "C0DEALS");
        Assert.Equal(toChannel.SlackTs, update.Field("ts"));
        // One signal, one state: the owner's DM copy shows the acknowledgement made in the channel.
        var toOwner = Assert.Single(deliveries, d => d.RecipientId == "U0AE");
        var dmUpdate = Assert.Single(updates, u => u.Field("channel") == toOwner.SlackChannel);
        Assert.Contains("Acknowledged by <@U0AE>", NotificationsApp.BlockText(dmUpdate), StringComparison.Ordinal);
        var replies = app.Posts().Where(p => p.Field("thread_ts") is not null).ToList();
        Assert.Equal(new[] { toChannel.SlackTs, toOwner.SlackTs }.Order(StringComparer.Ordinal), replies.Select(r => r.Field("thread_ts")).Order(StringComparer.Ordinal));
        Assert.All(replies, r => Assert.Equal(":white_check_mark: <@U0AE> acknowledged Jane Doe (Acme Corp).", r.Field("text")));
        var blocks = NotificationsApp.BlockText(update);
        Assert.Contains("Acknowledged by <@U0AE>", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationActions.Acknowledge, blocks, StringComparison.Ordinal);
        Assert.Contains(NotificationActions.OpenInSalesforce, blocks, StringComparison.Ordinal);
        Assert.Contains(NotificationActions.ViewLinkedin, blocks, StringComparison.Ordinal);
        var acknowledged = await app.Outbox.GetAsync(NotificationsApp.Acme, toChannel.Id, NotificationsApp.Ct);
        Assert.Equal("U0AE", acknowledged!.AcknowledgedBy);
        Assert.Equal(app.Clock.GetUtcNow(), acknowledged.AcknowledgedAt);
        Assert.Empty(app.Slack.Violations);
    }

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task A_second_Acknowledge_is_told_who_came_first_and_changes_nothing(SlackTransport transport)
    {
        await using var app = new NotificationsApp(transport: transport);
        var delivery = await DeliveredToDealsAsync(app);
        await app.ClickAsync(NotificationActions.Acknowledge, Id(delivery), "C0DEALS", delivery.SlackTs!, "U0AE");

        await app.ClickAsync(NotificationActions.Acknowledge, Id(delivery), "C0DEALS", delivery.SlackTs!, "U0CSM");

        Assert.Single(app.Slack.CallsTo("chat.update"));
        var reply = Assert.Single(app.Slack.CallsTo("response_url"));
        Assert.Equal("Already acknowledged by <@U0AE>.", reply.Field("text"));
        Assert.Equal("ephemeral", reply.Field("response_type"));
        Assert.Equal("U0AE", (await app.Outbox.GetAsync(NotificationsApp.Acme, delivery.Id, NotificationsApp.Ct))!.AcknowledgedBy);
    }

    [Theory]
    [InlineData("forged-id")]
    [InlineData("other-channel")]
    [InlineData("other-message")]
    public async Task Acknowledge_is_refused_unless_the_delivery_was_sent_as_the_message_clicked(string forgery)
    {
        await using var app = new NotificationsApp();
        var delivery = await DeliveredToDealsAsync(app);
        var (value, channel, ts) = forgery switch
        {
            "forged-id" => ((delivery.Id + 1000).ToString(CultureInfo.InvariantCulture), "C0DEALS", delivery.SlackTs!),
            "other-channel" => (Id(delivery), "C0OTHER", delivery.SlackTs!),
            _ => (Id(delivery), "C0DEALS", "1600000000.000001"),
        };

        var response = await app.ClickAsync(NotificationActions.Acknowledge, value, channel, ts, "U0MALLORY");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Slack.CallsTo("chat.update"));
        Assert.Equal(ClickedItem.NotFoundText, Assert.Single(app.Slack.CallsTo("response_url")).Field("text"));
        Assert.Null((await app.Outbox.GetAsync(NotificationsApp.Acme, delivery.Id, NotificationsApp.Ct))!.AcknowledgedBy);
    }

    [Fact]
    public async Task Link_button_clicks_are_acknowledged_and_recorded()
    {
        await using var app = new NotificationsApp();
        var delivery = await DeliveredToDealsAsync(app);

        var response = await app.ClickAsync(NotificationActions.OpenInSalesforce, Id(delivery), "C0DEALS", delivery.SlackTs!, "U0AE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.CountAsync($"SELECT COUNT(*) FROM notification_clicks WHERE team_id = 'T0ACME' AND delivery_id = {delivery.Id} AND action_id = '{NotificationActions.OpenInSalesforce}' AND user_id = 'U0AE'"));
        Assert.Empty(app.Slack.CallsTo("chat.update"));
    }

    [Fact]
    public async Task Duplicate_signal_ids_send_nothing_twice()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"))).StatusCode);
        await app.PostedToAsync("C0DEALS");
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSignalsAsync(SignalPayloads.Batch([SignalPayloads.NewHire("sig_1"), SignalPayloads.NewHire("sig_1")]))).StatusCode);
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.DeliverAsync();

        Assert.Single(app.Posts());
        Assert.Single(await app.DeliveriesAsync());
    }

    [Fact]
    public async Task A_batch_with_one_bad_signal_stores_and_sends_nothing()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });

        var response = await app.PostSignalsAsync(SignalPayloads.Batch([SignalPayloads.NewHire("sig_ok"), SignalPayloads.NewHire("sig_bad").With("person.full_name", null)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);
        await app.DeliverAsync();
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM signals"));
        Assert.Empty(await app.DeliveriesAsync());
        Assert.Empty(app.Posts());
    }

    [Fact]
    public async Task Unsigned_or_stale_signals_are_refused_with_401()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });

        var unsigned = await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"), withSignature: false);
        var stale = await app.PostSignalsAsync(SignalPayloads.NewHire("sig_2"), signedAt: app.Clock.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        await app.DeliverAsync();
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM signals"));
        Assert.Empty(app.Posts());
    }

    [Fact]
    public async Task Two_matching_workflows_make_one_notification_per_recipient_naming_both()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        app.Slack.AddUser("U0AE", "ae@vendor.example");
        await app.WorkflowAsync("Execs at Closed Lost", DealsAndOwner);
        await app.WorkflowAsync("Any new hire", new WorkflowRecipients { ChannelIds = ["C0DEALS"], UserIds = ["U0AE"] }, filters: new WorkflowFilters());

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        var post = await app.PostedToAsync("C0DEALS");
        await app.PostedToAsync("U0AE");
        await app.DeliverAsync();

        Assert.Single(app.Posts("C0DEALS"));
        Assert.Single(app.Posts("U0AE"));
        Assert.Equal(2, (await app.DeliveriesAsync()).Count);
        var blocks = NotificationsApp.BlockText(post);
        Assert.Contains("Execs at Closed Lost", blocks, StringComparison.Ordinal);
        Assert.Contains("Any new hire", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_not_in_Slack_goes_to_the_workflow_fallback_channel_with_a_line_saying_why()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync(fallbackChannelId: "C0WORKSPACE");
        await app.WorkflowAsync("Owner DMs", new WorkflowRecipients { Roles = [AccountRole.Owner] }, fallbackChannelId: "C0FALLBACK");

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        var post = await app.PostedToAsync("C0FALLBACK");
        await app.DeliverAsync();

        Assert.Contains(
            "Could not DM the account owner (AE): ae@vendor.example is not in this Slack workspace.",
            NotificationsApp.BlockText(post),
            StringComparison.Ordinal);
        Assert.Empty(app.Posts("C0WORKSPACE"));
        Assert.Equal("C0FALLBACK", Assert.Single(await app.DeliveriesAsync()).RecipientId);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task A_role_without_an_email_goes_to_the_workspace_fallback_channel()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync(fallbackChannelId: "C0WORKSPACE");
        await app.WorkflowAsync("CSM DMs", new WorkflowRecipients { Roles = [AccountRole.Csm] });

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1").With("account.csm_email", null));
        var post = await app.PostedToAsync("C0WORKSPACE");

        Assert.Contains("Could not DM the CSM: the signal names no CSM email.", NotificationsApp.BlockText(post), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_nobody_can_be_found_for_without_any_fallback_is_recorded_undeliverable()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        await app.WorkflowAsync("Owner DMs", new WorkflowRecipients { Roles = [AccountRole.Owner] });

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);
        await app.Slack.WaitForAsync("users.lookupByEmail").WaitAsync(TimeSpan.FromSeconds(20), NotificationsApp.Ct);
        var deliveries = await UntilAsync(app, d => d.Count == 1);
        await app.DeliverAsync();

        var undeliverable = Assert.Single(deliveries);
        Assert.Equal(DeliveryStatus.Undeliverable, undeliverable.Status);
        Assert.Equal(RecipientKind.Role, undeliverable.RecipientKind);
        Assert.Equal("owner", undeliverable.RecipientId);
        Assert.Equal("Could not DM the account owner (AE): ae@vendor.example is not in this Slack workspace. No fallback channel is set.", undeliverable.ErrorDetail);
        Assert.Empty(app.Posts());
    }

    [Fact]
    public async Task Send_test_DMs_a_marked_sample_whose_Acknowledge_works_and_stores_no_signal()
    {
        await using var app = new NotificationsApp();
        await app.InstallAsync();
        var workflow = await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] }, filters: new WorkflowFilters
        {
            MinimumSeniority = Seniority.CLevel,
            AccountStatuses = [AccountStatus.Customer],
            TitleKeywords = ["Chief Revenue Officer"],
        });

        await app.Service<TestNotificationSender>().SendAsync(NotificationsApp.Acme, workflow, "U0ASKER", NotificationsApp.Ct);

        var post = Assert.Single(app.Posts());
        Assert.Equal("U0ASKER", post.Field("channel"));
        Assert.Equal("[Test] Jordan Sample joined Example Corp as Chief Revenue Officer", post.Field("text"));
        var blocks = NotificationsApp.BlockText(post);
        Assert.Contains("Test notification", blocks, StringComparison.Ordinal);
        // Every button a real notification has, so the test shows what people will click.
        Assert.Contains(NotificationActions.Acknowledge, blocks, StringComparison.Ordinal);
        Assert.Contains(NotificationActions.OpenInSalesforce, blocks, StringComparison.Ordinal);
        Assert.Contains(NotificationActions.ViewLinkedin, blocks, StringComparison.Ordinal);
        Assert.Contains("C-level meets C-level+", blocks, StringComparison.Ordinal);
        Assert.Contains("Account is Customer", blocks, StringComparison.Ordinal);
        Assert.Contains("Title contains \"Chief Revenue Officer\"", blocks, StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM signals"));
        var test = Assert.Single(await app.DeliveriesAsync());
        Assert.True(test.IsTest);
        Assert.Equal(DeliveryStatus.Sent, test.Status);

        await app.ClickAsync(NotificationActions.Acknowledge, Id(test), test.SlackChannel!, test.SlackTs!, "U0ASKER");

        Assert.Contains("Acknowledged by <@U0ASKER>", NotificationsApp.BlockText(Assert.Single(app.Slack.CallsTo("chat.update"))), StringComparison.Ordinal);
        await app.DeliverAsync();
        Assert.Single(app.Posts());
        Assert.Empty(app.Slack.Violations);
    }

    internal static string Id(OutboxDelivery delivery) => delivery.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Installs Acme with one workflow to #deals, sends a signal and returns its delivered row.</summary>
    internal static async Task<OutboxDelivery> DeliveredToDealsAsync(NotificationsApp app)
    {
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        await app.PostedToAsync("C0DEALS");
        await app.DeliverAsync();
        return Assert.Single(await app.DeliveriesAsync());
    }

    // The planner's rows are written by the matching worker in the background: each pass is awaited, never slept on.
    private static async Task<IReadOnlyList<OutboxDelivery>> UntilAsync(NotificationsApp app, Func<IReadOnlyList<OutboxDelivery>, bool> done)
    {
        while (true)
        {
            await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);
            var deliveries = await app.DeliveriesAsync();
            if (done(deliveries))
            {
                return deliveries;
            }

            await Task.Yield();
        }
    }
}
