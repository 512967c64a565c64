using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Analytics;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.Benchmarks;

/// <summary>
/// Issue 13's analytics row: the Home tab's figures over 100,000 items sent across 30 days by 20 workflows, in a fresh
/// SQLite database migrated by the app, timed beside a bare <c>COUNT(*)</c> of the workspace's rows in the same run
/// (the ratio says what the figures cost beyond reading the rows once, whatever the machine's speed).
/// </summary>
internal static class AnalyticsBenchmark
{
    private const int Items = 100_000;
    private const int OtherWorkspaceItems = 20_000;
    private const int Workflows = 20;
    private const int CallsPerRun = 5;

    public static async Task RunAsync(BenchOptions options, Report report)
    {
        using var app = new BenchmarkApp();
        var connections = app.Services.GetRequiredService<DbConnectionFactory>();
        var repository = app.Services.GetRequiredService<DeliveryAnalyticsRepository>();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(connections);
        Console.WriteLine($"analytics: seeded {Items:N0} items (+{OtherWorkspaceItems:N0} of another workspace) in {seeding.Elapsed.TotalSeconds:0.0} s");

        var workspace = new Workspace(AppUnderTest.TeamId);
        var figures = await repository.GetAsync(workspace, CancellationToken.None); // warm: pages cached, statements prepared
        Console.WriteLine($"analytics: 30 days {figures.Workspace.Last30Days.Sent:N0} sent, {figures.Workspace.Last30Days.AcknowledgedPercent}% acknowledged; 7 days {figures.Workspace.Last7Days.Sent:N0} sent");

        var analytics = new List<double>();
        var reference = new List<double>();
        for (var run = 0; run < options.Runs; run++)
        {
            // Interleaved, so both see the same machine load.
            var a = new List<double>();
            var r = new List<double>();
            for (var call = 0; call < CallsPerRun; call++)
            {
                a.Add(await TimeAsync(() => repository.GetAsync(workspace, CancellationToken.None)));
                r.Add(await TimeAsync(() => CountAsync(connections)));
            }

            analytics.Add(Spread.Of(a)!.Median);
            reference.Add(Spread.Of(r)!.Median);
            Console.WriteLine($"analytics run {run + 1}: {analytics[^1]:0.0} ms, COUNT(*) {reference[^1]:0.0} ms");
        }

        var spread = Spread.Of(analytics)!;
        var ratio = Spread.Of(analytics.Zip(reference, (x, y) => x / y))!;
        report.Add("analytics: Home figures, 100,000 items / 30 days / 20 workflows, SQLite", spread.Format("0", " ms"), "≤ 200 ms", spread.Median <= 200);
        report.Add("analytics: ÷ a bare COUNT(*) of the workspace's rows, same run", ratio.Format("0.0", "x"), "—", null);
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task CountAsync(DbConnectionFactory connections)
    {
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification_deliveries WHERE team_id = @TeamId", new { TeamId = AppUnderTest.TeamId });
    }

    /// <summary>
    /// Items as the app leaves them: 90% sent (the rest held or suppressed), 2% snooze reminders, 60% of the sent
    /// acknowledged after minutes to a day or two, 5% not relevant, 3% snoozed, 1% escalated.
    /// </summary>
    private static async Task SeedAsync(DbConnectionFactory connections)
    {
        var random = new Random(13);
        var now = DateTime.UtcNow;
        await using var connection = await connections.OpenAsync(CancellationToken.None);

        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO notification_deliveries
                (team_id, signal_row_id, is_test, recipient_kind, recipient_id, matches_json, status, attempts, next_attempt_at, sent_at,
                 created_at, updated_at, workflow_id, acknowledged_by, acknowledged_at, not_relevant_by, snoozed_by, escalated_at)
            VALUES
                (@team, @signal, 0, @kind, 'C1', '[]', @status, 1, @at, @sent, @at, @at, @workflow, @ackBy, @ackAt, @nr, @snoozed, @escalated)
            """;
        var p = new Dictionary<string, DbParameter>();
        foreach (var name in new[] { "team", "signal", "kind", "status", "at", "sent", "workflow", "ackBy", "ackAt", "nr", "snoozed", "escalated" })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
            p[name] = parameter;
        }

        for (var i = 0; i < Items + OtherWorkspaceItems; i++)
        {
            var at = now - TimeSpan.FromSeconds(random.NextDouble() * TimeSpan.FromDays(30).TotalSeconds);
            var sent = random.NextDouble() < 0.9;
            var acknowledged = sent && random.NextDouble() < 0.6;
            p["team"].Value = i < Items ? AppUnderTest.TeamId : "T0OTHER";
            p["signal"].Value = i;
            p["kind"].Value = random.NextDouble() < 0.02 ? "reminder" : "channel";
            p["status"].Value = sent ? "sent" : random.NextDouble() < 0.5 ? "held" : "suppressed";
            p["at"].Value = at;
            p["sent"].Value = sent ? at : DBNull.Value;
            p["workflow"].Value = (long)(i % Workflows) + 1;
            p["ackBy"].Value = acknowledged ? "U0ACK" : DBNull.Value;
            p["ackAt"].Value = acknowledged ? at + TimeSpan.FromMinutes(random.NextDouble() * random.NextDouble() * 2880) : DBNull.Value;
            p["nr"].Value = sent && random.NextDouble() < 0.05 ? "U0NR" : DBNull.Value;
            p["snoozed"].Value = sent && random.NextDouble() < 0.03 ? "U0SNOOZE" : DBNull.Value;
            p["escalated"].Value = sent && random.NextDouble() < 0.01 ? at + TimeSpan.FromHours(4) : DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
