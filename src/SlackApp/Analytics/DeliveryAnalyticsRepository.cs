using Dapper;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.Analytics;

/// <summary>
/// Reads a workspace's analytics for the Home tab, every workflow at once: two reads over the items sent in the last
/// 30 days (grouped counts; the acknowledged ones' durations) through <c>ix_notification_deliveries_sent</c>
/// (team, sent_at, only sent rows, covering), and one over the unmatched owner emails. Workspace-scoped; tests and snooze
/// reminders (a reminder is the same signal again, not a new notification) left out.
/// </summary>
public sealed class DeliveryAnalyticsRepository(DbConnectionFactory connections, TimeProvider clock)
{
    public static readonly TimeSpan ShortWindow = TimeSpan.FromDays(7);
    public static readonly TimeSpan LongWindow = TimeSpan.FromDays(30);

    // The literal status lets SQLite use the partial index (WHERE status = 'sent'); a parameter would not.
    private const string SentItems =
        "d.team_id = @TeamId AND d.status = 'sent' AND d.sent_at >= @Since30 AND d.recipient_kind <> 'reminder' AND d.is_test = 0";

    private const string InLast7Days = "CASE WHEN d.sent_at >= @Since7 THEN 1 ELSE 0 END";

    /// <summary>
    /// Counts per workflow and window bucket. escalated_at is added by migration 0017 (escalation).
    /// The bucket is computed in a derived table so both engines group by a plain column.
    /// </summary>
    internal const string CountsSql =
        $"""
        SELECT x.workflow_id AS WorkflowId, x.recent AS InLast7Days, COUNT(*) AS Sent,
               SUM(x.acknowledged) AS Acknowledged, SUM(x.not_relevant) AS NotRelevant, SUM(x.snoozed) AS Snoozed, SUM(x.escalated) AS Escalated
        FROM (
            SELECT d.workflow_id, {InLast7Days} AS recent,
                   CASE WHEN d.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END AS acknowledged,
                   CASE WHEN d.not_relevant_by IS NOT NULL THEN 1 ELSE 0 END AS not_relevant,
                   CASE WHEN d.snoozed_by IS NOT NULL THEN 1 ELSE 0 END AS snoozed,
                   CASE WHEN d.escalated_at IS NOT NULL THEN 1 ELSE 0 END AS escalated
            FROM notification_deliveries d
            WHERE {SentItems}
        ) x
        GROUP BY x.workflow_id, x.recent
        """;

    internal const string UnmatchedSql =
        """
        SELECT COALESCE(SUM(CASE WHEN u.last_seen >= @Since7 THEN 1 ELSE 0 END), 0) AS Last7, COUNT(*) AS Last30
        FROM unmatched_owner_emails u
        WHERE u.team_id = @TeamId AND u.last_seen >= @Since30
        """;

    /// <summary>
    /// The acknowledged items' durations, one row each. A median is not an aggregate either engine shares, so it is
    /// taken in C# from these; the seconds are computed by the database (<see cref="SqlDialect.SecondsBetween"/>)
    /// rather than two text times parsed per row, which on 30 days of a busy workspace would cost more than the read.
    /// </summary>
    internal static string AcknowledgementsSql(SqlDialect dialect) =>
        $"""
        SELECT d.workflow_id AS WorkflowId, {InLast7Days} AS InLast7Days, {dialect.SecondsBetween("d.sent_at", "d.acknowledged_at")} AS Seconds
        FROM notification_deliveries d
        WHERE {SentItems} AND d.acknowledged_at IS NOT NULL
        """;

    /// <summary>The workspace's figures, and each workflow's, over the last 7 and 30 days.</summary>
    public async Task<HomeAnalytics> GetAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);

        // UTC, always: SQLite compares the stored text, which is UTC.
        var now = clock.GetUtcNow();
        var parameters = new { workspace.TeamId, Since7 = now - ShortWindow, Since30 = now - LongWindow };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<DeliveryCountRow>(new CommandDefinition(CountsSql, parameters, cancellationToken: cancellationToken))).AsList();
        var acknowledgements = counts.Any(c => c.Acknowledged > 0)
            ? (await connection.QueryAsync<AcknowledgementRow>(new CommandDefinition(AcknowledgementsSql(connections.Dialect), parameters, cancellationToken: cancellationToken))).AsList()
            : [];
        var unmatched = await connection.QuerySingleOrDefaultAsync<UnmatchedCounts>(new CommandDefinition(UnmatchedSql, parameters, cancellationToken: cancellationToken));
        return DeliveryAnalyticsTally.Tally(counts, acknowledgements, unmatched?.Last7 ?? 0, unmatched?.Last30 ?? 0);
    }

    private sealed record UnmatchedCounts
    {
        public long Last7 { get; init; }
        public long Last30 { get; init; }
    }
}
