using Dapper;
using SlackApp.Data;

namespace SlackApp.Tests.Analytics;

/// <summary>One item as the delivery worker and the buttons leave it, for the analytics to read.</summary>
internal sealed record AnalyticsItem(string TeamId, long? WorkflowId, DateTimeOffset SentAt)
{
    public string Status { get; init; } = "sent";
    public string Kind { get; init; } = "channel";
    public bool IsTest { get; init; }
    public TimeSpan? AcknowledgedAfter { get; init; }
    public bool NotRelevant { get; init; }
    public bool Snoozed { get; init; }
    public bool Escalated { get; init; }
}

/// <summary>Writes items and unmatched owner emails straight into the tables (Dapper), as the app would leave them.</summary>
internal static class AnalyticsRows
{
    private static long _signal;

    public static async Task AddAsync(DbConnectionFactory db, params AnalyticsItem[] items)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var item in items)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO notification_deliveries
                    (team_id, signal_row_id, is_test, recipient_kind, recipient_id, matches_json, status, attempts, next_attempt_at, sent_at,
                     created_at, updated_at, workflow_id, acknowledged_by, acknowledged_at, not_relevant_by, snoozed_by, snoozed_until, escalated_at)
                VALUES
                    (@TeamId, @Signal, @IsTest, @Kind, 'C1', '[]', @Status, 1, @At, @SentAt,
                     @At, @At, @WorkflowId, @AcknowledgedBy, @AcknowledgedAt, @NotRelevantBy, @SnoozedBy, @SnoozedUntil, @EscalatedAt)
                """,
                new
                {
                    item.TeamId,
                    Signal = Interlocked.Increment(ref _signal),
                    IsTest = item.IsTest ? 1 : 0,
                    item.Kind,
                    item.Status,
                    At = item.SentAt,
                    SentAt = item.Status == "sent" ? item.SentAt : (DateTimeOffset?)null,
                    item.WorkflowId,
                    AcknowledgedBy = item.AcknowledgedAfter is null ? null : "U0ACK",
                    AcknowledgedAt = item.SentAt + item.AcknowledgedAfter,
                    NotRelevantBy = item.NotRelevant ? "U0NR" : null,
                    SnoozedBy = item.Snoozed ? "U0SNOOZE" : null,
                    SnoozedUntil = item.Snoozed ? item.SentAt.AddDays(1) : (DateTimeOffset?)null,
                    EscalatedAt = item.Escalated ? item.SentAt.AddHours(4) : (DateTimeOffset?)null,
                },
                transaction);
        }

        await transaction.CommitAsync();
    }

    public static async Task AddUnmatchedAsync(DbConnectionFactory db, string teamId, string email, DateTimeOffset lastSeen)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO unmatched_owner_emails (team_id, email, role, signal_count, first_seen, last_seen)
            VALUES (@TeamId, @Email, 'owner', 1, @LastSeen, @LastSeen)
            """,
            new { TeamId = teamId, Email = email, LastSeen = lastSeen });
    }
}
