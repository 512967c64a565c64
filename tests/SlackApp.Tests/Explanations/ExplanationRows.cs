using System.Text.Json.Nodes;
using Dapper;
using SlackApp.Data;
using SlackApp.Notifications;
using SlackApp.Tests.Signals;

namespace SlackApp.Tests.Explanations;

/// <summary>
/// Writes signals, items and messages straight into the tables, as the intake, planner and delivery worker would
/// leave them, so explanations and activity are tested against the schema alone.
/// </summary>
internal static class ExplanationRows
{
    public static async Task<long> AddSignalAsync(
        DbConnectionFactory db,
        string teamId,
        string signalId,
        DateTimeOffset receivedAt,
        bool matched = true,
        int? matchCount = 1,
        JsonObject? json = null)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO signals (team_id, signal_id, type, occurred_at, received_at, raw_json, status, matched_at, match_count)
            VALUES (@TeamId, @SignalId, 'new_hire', @ReceivedAt, @ReceivedAt, @Json, @Status, @MatchedAt, @MatchCount);
            SELECT last_insert_rowid();
            """,
            new
            {
                TeamId = teamId,
                SignalId = signalId,
                ReceivedAt = receivedAt,
                Json = (json ?? SignalPayloads.NewHire(signalId)).ToJsonString(),
                Status = matched ? "matched" : "pending",
                MatchedAt = matched ? receivedAt.AddSeconds(2) : (DateTimeOffset?)null,
                MatchCount = matched ? matchCount : null,
            });
    }

    public static async Task<long> AddMessageAsync(DbConnectionFactory db, string teamId, string kind, string channel, DateTimeOffset sentAt)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO notification_messages (team_id, recipient_kind, recipient_id, kind, status, item_count, slack_channel, slack_ts, created_at, sent_at)
            VALUES (@TeamId, 'channel', @Channel, @Kind, 'sent', 1, @Channel, '1700000000.000100', @SentAt, @SentAt);
            SELECT last_insert_rowid();
            """,
            new { TeamId = teamId, Kind = kind, Channel = channel, SentAt = sentAt });
    }

    public static async Task AddItemAsync(DbConnectionFactory db, ItemSeed item)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO notification_deliveries
                (team_id, signal_row_id, is_test, recipient_kind, recipient_id, matches_json, status, attempts, next_attempt_at, sent_at,
                 last_error, error_detail, created_at, updated_at, message_id, workflow_id, held_reason, suppressed_reason)
            VALUES
                (@TeamId, @SignalRowId, @IsTest, @Kind, @RecipientId, '[]', @Status, @Attempts, @NextAttemptAt, @SentAt,
                 @LastError, @ErrorDetail, @CreatedAt, @CreatedAt, @MessageId, @WorkflowId, @HeldReason, @SuppressedReason)
            """,
            new
            {
                item.TeamId,
                item.SignalRowId,
                IsTest = item.IsTest ? 1 : 0,
                item.Kind,
                item.RecipientId,
                item.Status,
                item.Attempts,
                NextAttemptAt = item.NextAttemptAt ?? item.CreatedAt,
                item.SentAt,
                item.LastError,
                item.ErrorDetail,
                item.CreatedAt,
                item.MessageId,
                item.WorkflowId,
                item.HeldReason,
                item.SuppressedReason,
            });
    }
}

/// <summary>One <c>notification_deliveries</c> row to write.</summary>
internal sealed record ItemSeed(string TeamId, long? SignalRowId, string Kind, string RecipientId, string Status, DateTimeOffset CreatedAt)
{
    public bool IsTest { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }
    public string? ErrorDetail { get; init; }
    public long? MessageId { get; init; }
    public long? WorkflowId { get; init; }
    public string? HeldReason { get; init; }
    public string? SuppressedReason { get; init; }

    public static ItemSeed Sent(string teamId, long? signal, string channel, DateTimeOffset at, long? messageId, long? workflowId) =>
        new(teamId, signal, "channel", channel, DeliveryStatus.Sent, at) { SentAt = at, MessageId = messageId, WorkflowId = workflowId };
}
