using System.Diagnostics.Metrics;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Operations;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>Planning's and delivery's metrics, driven pass by pass on the fake clock.</summary>
public sealed class DeliveryTelemetryTests
{
    [Fact]
    public async Task Planned_items_count_by_status_and_each_sent_one_counts_once()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS"], UserIds = ["U0BOSS"] });
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());

        await SignalAsync(app, "sig_1");
        await app.DeliverAsync();

        Assert.Equal(2, metrics.Sum("slackapp.notifications.planned", "status", DeliveryStatus.Pending));
        Assert.Equal(2, metrics.Sum("slackapp.notifications.sent"));
        Assert.Equal(2, metrics.Of("slackapp.slack.api.duration").Count(m => m.Tag("slack.method") == "chat.postMessage" && m.Tag("slack.outcome") == "ok"));
    }

    [Fact]
    public async Task A_duplicate_counts_as_suppressed_with_its_reason()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());

        await SignalAsync(app, "sig_1");
        await SignalAsync(app, "sig_again");

        Assert.Equal(1, metrics.Sum("slackapp.notifications.suppressed", "reason", "duplicate"));
        Assert.Equal(1, metrics.Sum("slackapp.notifications.planned", "status", DeliveryStatus.Suppressed));
    }

    [Fact]
    public async Task A_send_Slack_refuses_counts_as_failed_with_Slack_s_error()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0GONE"] });
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());
        app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.Error("channel_not_found"));

        await SignalAsync(app, "sig_1");
        await app.DeliverAsync();

        Assert.Equal(1, metrics.Sum("slackapp.notifications.failed", "error", "channel_not_found"));
        Assert.Equal(0, metrics.Sum("slackapp.notifications.sent"));
        Assert.Contains(metrics.Of("slackapp.slack.api.duration"), m => m.Tag("slack.method") == "chat.postMessage" && m.Tag("slack.outcome") == "channel_not_found");
    }

    [Fact]
    public async Task A_transient_failure_counts_as_retried_with_its_error()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());
        app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.ServerError());

        await SignalAsync(app, "sig_1");
        await app.DeliverAsync();

        Assert.Equal(1, metrics.Sum("slackapp.notifications.retried", "error", "internal_error"));
        Assert.Equal(0, metrics.Sum("slackapp.notifications.failed"));
    }

    [Fact]
    public async Task A_429_counts_for_its_workspace_and_method_and_the_pace_gauge_shows_the_workspace_slowed()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());
        app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.RateLimited(2));

        await SignalAsync(app, "sig_1");
        await app.DeliverAsync();
        metrics.Observe();

        Assert.Equal(1, metrics.Sum("slackapp.notifications.rate_limited", "slack.team_id", NotificationsApp.TeamId));
        Assert.Equal(1, metrics.Sum("slackapp.slack.api.rate_limited", "slack.method", "chat.postMessage"));
        var pace = Assert.Single(metrics.Of("slackapp.notifications.workspace_pace"), m => m.Tag("slack.team_id") == NotificationsApp.TeamId);
        Assert.Equal(2.0, pace.Value, 3);
    }

    [Fact]
    public async Task The_outbox_gauges_show_the_waiting_items_and_how_long_the_oldest_has_been_due()
    {
        await using var app = await AppAsync(new WorkflowRecipients { ChannelIds = ["C0DEALS"], UserIds = ["U0BOSS"] });
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());
        _ = app.Service<DeliveryTelemetry>();

        await SignalAsync(app, "sig_1");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await app.Service<OutboxDepthSampler>().RefreshAsync(NotificationsApp.Ct);
        metrics.Observe();

        Assert.Equal(2, Assert.Single(metrics.Of("slackapp.notifications.outbox.depth")).Value);
        Assert.Equal(30, Assert.Single(metrics.Of("slackapp.notifications.outbox.oldest_due_age")).Value, 2);
    }

    private static async Task<NotificationsApp> AppAsync(WorkflowRecipients recipients)
    {
        var app = new NotificationsApp(hostedDelivery: false, hostedMatching: false);
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", recipients);
        return app;
    }

    // Stored, then matched and planned: its items wait in the outbox.
    private static async Task SignalAsync(NotificationsApp app, string id)
    {
        await app.PostSignalsAsync(SignalPayloads.NewHire(id));
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);
    }
}
