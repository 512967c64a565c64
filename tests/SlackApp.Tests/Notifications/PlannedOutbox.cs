using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>Deliveries waiting in the outbox for a test to send with its own passes (the hosted delivery worker is off).</summary>
internal static class PlannedOutbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>An installed app with one workflow posting to <paramref name="channels"/>, delivering only when the test says.</summary>
    public static async Task<NotificationsApp> AppAsync(string[] channels, params (string Key, string Value)[] settings)
    {
        var app = new NotificationsApp(hostedDelivery: false, settings: settings);
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = channels });
        return app;
    }

    /// <summary>Signals in through the intake, matched and planned: their deliveries wait in the outbox, due now.</summary>
    public static async Task PlanAsync(NotificationsApp app, params string[] signalIds)
    {
        var before = await PlannedSignalsAsync(app);
        foreach (var id in signalIds)
        {
            // A person each: the same person twice within a week would be a duplicate, not sent again.
            var signal = SignalPayloads.NewHire(id);
            signal["person"]!["email"] = $"{id}@acme.example";
            (await app.PostSignalsAsync(signal)).EnsureSuccessStatusCode();
        }

        await WaitUntilPlannedAsync(app, before + signalIds.Length).WaitAsync(Patience, NotificationsApp.Ct);
    }

    /// <summary>As <see cref="PlanAsync(NotificationsApp, string[])"/>, for signals the test wrote.</summary>
    public static async Task PlanAsync(NotificationsApp app, IReadOnlyList<System.Text.Json.Nodes.JsonObject> signals)
    {
        var before = await PlannedSignalsAsync(app);
        foreach (var signal in signals)
        {
            (await app.PostSignalsAsync(signal)).EnsureSuccessStatusCode();
        }

        await WaitUntilPlannedAsync(app, before + signals.Count).WaitAsync(Patience, NotificationsApp.Ct);
    }

    private static Task<int> PlannedSignalsAsync(NotificationsApp app) =>
        app.CountAsync("SELECT COUNT(DISTINCT signal_row_id) FROM notification_deliveries");

    // The hosted matching worker may have any signal in hand: wait for the planner's wake-ups (latched, and with the
    // hosted delivery worker off nobody else takes them) until every signal has its deliveries. Counted from before the
    // post, so a second batch does not find the first one's rows and return before it is planned.
    private static async Task WaitUntilPlannedAsync(NotificationsApp app, int signals)
    {
        var planned = app.Service<NotificationDeliveryTrigger>();
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);
        while (await PlannedSignalsAsync(app) < signals)
        {
            await planned.WaitAsync(Patience, TimeProvider.System, NotificationsApp.Ct);
        }
    }
}
