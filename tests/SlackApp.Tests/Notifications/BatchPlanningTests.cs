using System.Text.Json.Nodes;
using Dapper;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>
/// The matching worker and the planner over a claimed batch: people looked up once per email, one signal's trouble
/// kept to that signal, the batch's rows written with its matched marks, nothing planned twice.
/// </summary>
public sealed class BatchPlanningTests
{
    // The hosted matching worker never polls within a test's clock moves; each test runs its passes itself. A pass of
    // the hosted worker may still take a batch first (passes never interleave), so tests look at rows, not at pass counts.
    private static NotificationsApp App() => new(hostedDelivery: false, settings: ("Signals:Matching:PollInterval", "1.00:00:00"));

    private static JsonObject Signal(string id, string ownerEmail) => SignalPayloads.NewHire(id).With("account.owner_email", ownerEmail);

    // Stored without waking the matching worker: the test runs the pass itself (the hosted one waits for its poll on the fake clock).
    private static Task StoreAsync(NotificationsApp app, params JsonObject[] signals) =>
        app.Service<SignalRepository>().AddAsync(
            NotificationsApp.Acme, [.. signals.Select(s => SignalRepositoryTests.Incoming(s["id"]!.ToString(), s.ToJsonString()))], NotificationsApp.Ct);

    private static Task MatchAsync(NotificationsApp app) => app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);

    /// <summary>Each signal's status and failed attempts, as "matched 0", in row order.</summary>
    private static async Task<List<string>> StatusesAsync(NotificationsApp app)
    {
        await using var connection = await app.Connections.OpenAsync(NotificationsApp.Ct);
        var rows = await connection.QueryAsync<(string Status, long Attempts)>("SELECT status, attempts FROM signals ORDER BY id");
        return [.. rows.Select(r => $"{r.Status} {r.Attempts}")];
    }

    private static async Task<List<(string SignalId, string RecipientId)>> DeliveriesBySignalAsync(NotificationsApp app)
    {
        await using var connection = await app.Connections.OpenAsync(NotificationsApp.Ct);
        var rows = await connection.QueryAsync<(string SignalId, string RecipientId)>(
            "SELECT s.signal_id, d.recipient_id FROM notification_deliveries d JOIN signals s ON s.id = d.signal_row_id ORDER BY d.signal_row_id, d.id");
        return rows.AsList();
    }

    [Fact]
    public async Task Looks_up_each_distinct_email_once_per_batch()
    {
        await using var app = App();
        await app.InstallAsync();
        await app.WorkflowAsync("Owners", new WorkflowRecipients { Roles = [AccountRole.Owner] });
        for (var i = 0; i < 3; i++)
        {
            app.Slack.AddUser($"U0AE{i}", $"ae{i}@vendor.example");
        }

        await StoreAsync(app, [.. Enumerable.Range(0, 30).Select(i => Signal($"sig_{i}", $"ae{i % 3}@vendor.example"))]);

        await MatchAsync(app);

        Assert.All(await StatusesAsync(app), s => Assert.Equal("matched 0", s));
        Assert.Equal(3, app.Slack.CallsTo("users.lookupByEmail").Count());
        var deliveries = await DeliveriesBySignalAsync(app);
        Assert.Equal(30, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal($"U0AE{int.Parse(d.SignalId[4..], System.Globalization.CultureInfo.InvariantCulture) % 3}", d.RecipientId));
    }

    [Fact]
    public async Task One_signal_whose_lookup_fails_transiently_is_retried_alone_while_the_rest_are_planned()
    {
        await using var app = App();
        await app.InstallAsync();
        await app.WorkflowAsync("Owners", new WorkflowRecipients { ChannelIds = ["C0DEALS"], Roles = [AccountRole.Owner] });
        app.Slack.AddUser("U0AE1", "ae1@vendor.example");
        app.Slack.AddUser("U0AE2", "ae2@vendor.example");
        app.Slack.AddUser("U0AE3", "ae3@vendor.example");
        var slackDown = true;
        app.Slack.On("users.lookupByEmail", call => slackDown && call.Field("email") == "ae2@vendor.example" ? FakeSlackAnswer.ServerError() : null);
        await StoreAsync(app, Signal("sig_1", "ae1@vendor.example"), Signal("sig_2", "ae2@vendor.example"), Signal("sig_3", "ae3@vendor.example"));

        await MatchAsync(app);
        var statusesAfterFirst = await StatusesAsync(app);
        var deliveriesAfterFirst = await DeliveriesBySignalAsync(app);
        slackDown = false;
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await MatchAsync(app);
        var statusesAfterRetry = await StatusesAsync(app);
        var deliveriesAfterRetry = await DeliveriesBySignalAsync(app);

        Assert.Equal(["matched 0", "pending 1", "matched 0"], statusesAfterFirst);
        Assert.Equal([("sig_1", "C0DEALS"), ("sig_1", "U0AE1"), ("sig_3", "C0DEALS"), ("sig_3", "U0AE3")], deliveriesAfterFirst);
        Assert.Equal(["matched 0", "matched 1", "matched 0"], statusesAfterRetry);
        Assert.Equal(
            [("sig_1", "C0DEALS"), ("sig_1", "U0AE1"), ("sig_2", "C0DEALS"), ("sig_2", "U0AE2"), ("sig_3", "C0DEALS"), ("sig_3", "U0AE3")],
            deliveriesAfterRetry);
    }

    [Fact]
    public async Task A_signal_planned_before_a_crash_is_marked_matched_without_being_planned_again()
    {
        await using var app = App();
        await app.InstallAsync();
        var workflow = await app.WorkflowAsync("Owners", new WorkflowRecipients { ChannelIds = ["C0DEALS"], Roles = [AccountRole.Owner] });
        app.Slack.AddUser("U0AE1", "ae1@vendor.example");
        await StoreAsync(app, Signal("sig_1", "ae1@vendor.example"), Signal("sig_2", "ae1@vendor.example"));
        // As an earlier version (rows in the planner's own transaction) left a signal when it died before marking it: rows there, signal pending.
        var rowId = await app.CountAsync("SELECT id FROM signals WHERE signal_id = 'sig_1'");
        var crashed = new StoredSignal { Id = rowId, Signal = SignalReader.ReadStored(Signal("sig_1", "ae1@vendor.example").ToJsonString()), RawJson = "{}", ReceivedAt = app.Clock.GetUtcNow() };
        await app.Service<ISignalMatchHandler>().HandleAsync(NotificationsApp.Acme, crashed, [new WorkflowMatch(workflow, ["New hire"])], NotificationsApp.Ct);
        var rowsBefore = await DeliveriesBySignalAsync(app);
        app.Slack.AddUser("U0OTHER", "ae1@vendor.example");
        app.Slack.Users.TryRemove("U0AE1", out _);
        // Past the cache: were sig_1 planned again, its owner would now be another person, so another row.
        app.Clock.Advance(TimeSpan.FromHours(2));

        await MatchAsync(app);

        var rows = await DeliveriesBySignalAsync(app);
        Assert.Equal([("sig_1", "C0DEALS"), ("sig_1", "U0AE1")], rowsBefore);
        Assert.Equal([.. rowsBefore, ("sig_2", "C0DEALS"), ("sig_2", "U0OTHER")], rows);
        Assert.Equal(["matched 0", "matched 0"], await StatusesAsync(app));
    }

    [Fact]
    public async Task A_signal_whose_rows_the_database_refuses_stays_pending_with_no_rows_and_the_rest_of_the_batch_is_written()
    {
        await using var app = App();
        await app.InstallAsync();
        await app.WorkflowAsync("Deals", new WorkflowRecipients { ChannelIds = ["C0DEALS", "C0EXECS"] });
        await StoreAsync(app, [.. Enumerable.Range(1, 5).Select(i => Signal($"sig_{i}", "ae@vendor.example"))]);
        await using (var connection = await app.Connections.OpenAsync(NotificationsApp.Ct))
        {
            // The second row of sig_3 is refused: its first row must not stay behind, nor its signal be marked matched.
            await connection.ExecuteAsync(
                "CREATE TRIGGER refuse_sig_3 BEFORE INSERT ON notification_deliveries " +
                "WHEN NEW.recipient_id = 'C0EXECS' AND NEW.signal_row_id = (SELECT id FROM signals WHERE signal_id = 'sig_3') " +
                "BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        await MatchAsync(app);

        Assert.Equal(["matched 0", "matched 0", "pending 1", "matched 0", "matched 0"], await StatusesAsync(app));
        var rows = await DeliveriesBySignalAsync(app);
        Assert.Equal(8, rows.Count);
        Assert.DoesNotContain(rows, r => r.SignalId == "sig_3");
    }

    [Fact]
    public async Task A_batch_of_several_workspaces_marks_the_uninstalled_ones_matched_with_zero_and_plans_the_rest()
    {
        await using var app = App();
        await app.InstallAsync();
        await app.WorkflowAsync("Deals", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        await StoreAsync(app, Signal("sig_1", "ae@vendor.example"));
        await app.Service<SignalRepository>().AddAsync(
            new SlackApp.Installations.Workspace("T0GONE"), [SignalRepositoryTests.Incoming("sig_gone")], NotificationsApp.Ct);

        await MatchAsync(app);

        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM signals WHERE signal_id = 'sig_1' AND status = 'matched' AND match_count = 1"));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM signals WHERE signal_id = 'sig_gone' AND status = 'matched' AND match_count = 0"));
        Assert.Equal([("sig_1", "C0DEALS")], await DeliveriesBySignalAsync(app));
    }
}
