using SlackApp.Notifications;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>Escalation on a fake clock: once, only what nobody acted on, a notice that is a real notification, threads told.</summary>
public sealed class EscalationTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 7, 0, TimeSpan.Zero);
    private static readonly WorkflowDelivery EscalatesAfterTwoHours = WorkflowDelivery.Default with { EscalateAfterHours = 2, EscalateToUserId = "U0BOSS", EscalateToChannelId = "C0LEADS" };

    [Fact]
    public async Task An_item_nobody_acted_on_is_escalated_once_after_its_time_to_the_person_and_channel_and_its_thread_is_told()
    {
        await using var app = await PostedAsync(EscalatesAfterTwoHours);
        var original = (await app.DeliveriesAsync()).Single();

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await EscalateAsync(app));
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await EscalateAsync(app));
        Assert.Equal(0, await EscalateAsync(app));

        var items = (await app.DeliveriesAsync()).OrderBy(d => d.Id).ToList();
        Assert.Equal(["C0DEALS", "U0BOSS", "C0LEADS"], items.Select(d => d.RecipientId));
        Assert.All(items, d => Assert.NotNull(d.EscalatedAt));
        var reply = Assert.Single(app.Posts("C0DEALS"), p => p.Field("thread_ts") == original.SlackTs);
        Assert.Equal(":rotating_light: Nobody has acknowledged or claimed this in 2 hours: escalated to <@U0BOSS> and <#C0LEADS>.", reply.Field("text"));
        Assert.Contains("Escalated", NotificationsApp.BlockText(Assert.Single(app.Slack.CallsTo("chat.update"))), StringComparison.Ordinal);

        await app.DeliverAsync();
        var notice = Assert.Single(app.Posts("U0BOSS"));
        Assert.Contains("Escalated to you: nobody acknowledged or claimed this within 2 hours", NotificationsApp.BlockText(notice), StringComparison.Ordinal);
        Assert.Contains(NotificationActions.Acknowledge, NotificationsApp.BlockText(notice), StringComparison.Ordinal);
        Assert.Single(app.Posts("C0LEADS"));
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task An_acknowledged_or_claimed_signal_is_not_escalated()
    {
        await using var app = await PostedAsync(EscalatesAfterTwoHours);
        var original = (await app.DeliveriesAsync()).Single();
        await app.ClickAsync(NotificationActions.Claim, original.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), original.SlackChannel!, original.SlackTs!, "U0BOB");

        app.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, await EscalateAsync(app));
        Assert.Null((await app.DeliveriesAsync()).Single().EscalatedAt);
    }

    [Fact]
    public async Task A_workflow_without_escalation_escalates_nothing()
    {
        await using var app = await PostedAsync(WorkflowDelivery.Default);

        app.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(0, await EscalateAsync(app));
    }

    [Fact]
    public async Task Minutes_may_stand_for_hours_by_setting_to_see_it_without_waiting()
    {
        await using var app = await PostedAsync(EscalatesAfterTwoHours, ("Notifications:EscalationUnit", "00:01:00"));

        app.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await EscalateAsync(app));
    }

    [Fact]
    public async Task An_escalation_survives_a_restart_and_is_not_repeated_by_the_next_instance()
    {
        var folder = Directory.CreateTempSubdirectory("slackapp-escalation-").FullName;
        await using (var first = await PostedAsync(EscalatesAfterTwoHours, folder: folder))
        {
            first.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(1, await EscalateAsync(first));
        }

        try
        {
            await using var second = new NotificationsApp(databaseFolder: folder, start: Start + TimeSpan.FromHours(3), hostedDelivery: false);
            Assert.Equal(0, await EscalateAsync(second));
            Assert.Equal(3, (await second.DeliveriesAsync()).Count);
        }
        finally
        {
            // Only this database's pool: clearing all would close the connections of tests running beside this one.
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "slackapp.db")}"))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<NotificationsApp> PostedAsync(WorkflowDelivery delivery, (string Key, string Value)? setting = null, string? folder = null)
    {
        var app = setting is { } s
            ? new NotificationsApp(databaseFolder: folder, start: Start, hostedDelivery: false, settings: [s])
            : new NotificationsApp(databaseFolder: folder, start: Start, hostedDelivery: false);
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] }, delivery: delivery);
        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_1")]);
        await app.DeliverAsync();
        return app;
    }

    private static Task<int> EscalateAsync(NotificationsApp app) => app.Service<EscalationWorker>().RunOnceAsync(NotificationsApp.Ct);
}
