using Dapper;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Signals;

namespace SlackApp.Explanations;

/// <summary>
/// Reads what <c>/usergems why</c> needs: one signal by the source's id and its items with the messages carrying them.
/// Every query is scoped by the verified workspace, so another workspace's signal is never found, let alone shown.
/// </summary>
public sealed class SignalExplanationRepository(DbConnectionFactory connections)
{
    /// <summary>The workspace's signal with the source's id <paramref name="signalId"/>, or null.</summary>
    public async Task<StoredSignalRow?> FindSignalAsync(Workspace workspace, string signalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredSignalRow>(new CommandDefinition(
            """
            SELECT id AS RowId, type AS Type, raw_json AS RawJson, received_at AS ReceivedAt, status AS Status,
                   matched_at AS MatchedAt, match_count AS MatchCount, attempts AS Attempts, last_error AS LastError
            FROM signals WHERE team_id = @TeamId AND signal_id = @SignalId
            """,
            new { workspace.TeamId, SignalId = signalId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The signal's items (tests excluded), in the order they were planned, each with the message carrying it.</summary>
    public async Task<IReadOnlyList<ItemRow>> ListItemsAsync(Workspace workspace, long signalRowId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ItemRow>(new CommandDefinition(
            """
            SELECT d.recipient_kind AS RecipientKind, d.recipient_id AS RecipientId, d.status AS Status, d.held_reason AS HeldReason,
                   d.suppressed_reason AS SuppressedReason, d.next_attempt_at AS NextAttemptAt, COALESCE(d.sent_at, m.sent_at) AS SentAt,
                   m.kind AS MessageKind, COALESCE(d.last_error, m.last_error) AS LastError, d.error_detail AS ErrorDetail,
                   d.attempts AS Attempts, d.workflow_id AS WorkflowId, d.acknowledged_by AS AcknowledgedBy
            FROM notification_deliveries d
            LEFT JOIN notification_messages m ON m.id = d.message_id AND m.team_id = d.team_id
            WHERE d.team_id = @TeamId AND d.signal_row_id = @SignalRowId AND d.is_test = 0
            ORDER BY d.id
            """,
            new { workspace.TeamId, SignalRowId = signalRowId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>A <c>signals</c> row as <see cref="SignalExplanationRepository"/> reads it.</summary>
public sealed record StoredSignalRow
{
    public long RowId { get; init; }
    public string Type { get; init; } = string.Empty;
    public string RawJson { get; init; } = "{}";
    public DateTimeOffset ReceivedAt { get; init; }
    public string Status { get; init; } = SignalRepository.Pending;
    public DateTimeOffset? MatchedAt { get; init; }
    public long? MatchCount { get; init; }
    public long Attempts { get; init; }
    public string? LastError { get; init; }
}

/// <summary>A <c>notification_deliveries</c> row (an item) and its message, as <see cref="SignalExplanationRepository"/> reads it.</summary>
public sealed record ItemRow
{
    public string RecipientKind { get; init; } = string.Empty;
    public string RecipientId { get; init; } = string.Empty;
    public string Status { get; init; } = DeliveryStatus.Pending;
    public string? HeldReason { get; init; }
    public string? SuppressedReason { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? MessageKind { get; init; }
    public string? LastError { get; init; }
    public string? ErrorDetail { get; init; }
    public long Attempts { get; init; }
    public long? WorkflowId { get; init; }
    public string? AcknowledgedBy { get; init; }
}
