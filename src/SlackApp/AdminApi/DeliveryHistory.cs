using Dapper;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.AdminApi;

/// <summary>
/// A workspace's recent notification items (one per signal and recipient) and their states, newest first, read
/// straight from the outbox (<c>notification_deliveries</c>, states as in <c>Notifications/DeliveryStatus</c>).
/// Paged by id: each page says the id to continue before.
/// </summary>
internal sealed class DeliveryHistory(DbConnectionFactory connections)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public async Task<DeliveryPage> PageAsync(Workspace workspace, long? before, long? workflowId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DeliveryItem>(new CommandDefinition(
            connections.Dialect.Page(
                """
                SELECT d.id AS Id, s.signal_id AS SignalId, d.workflow_id AS WorkflowId, d.is_test AS IsTest,
                       d.recipient_kind AS RecipientKind, d.recipient_id AS RecipientId, d.status AS Status,
                       d.held_reason AS HeldReason, d.suppressed_reason AS SuppressedReason, d.last_error AS Error, d.attempts AS Attempts,
                       d.slack_channel AS SlackChannel, d.slack_ts AS SlackTs, d.created_at AS CreatedAt, d.sent_at AS SentAt,
                       d.acknowledged_by AS AcknowledgedBy, d.acknowledged_at AS AcknowledgedAt, d.claimed_by AS ClaimedBy
                FROM notification_deliveries d
                LEFT JOIN signals s ON s.id = d.signal_row_id AND s.team_id = d.team_id
                WHERE d.team_id = @TeamId AND (@Before IS NULL OR d.id < @Before) AND (@WorkflowId IS NULL OR d.workflow_id = @WorkflowId)
                ORDER BY d.id DESC
                """),
            new { workspace.TeamId, Before = before, WorkflowId = workflowId, Offset = 0, Limit = limit + 1 },
            cancellationToken: cancellationToken))).ToList();
        var page = rows.Take(limit).ToList();
        return new DeliveryPage(page, rows.Count > limit ? page[^1].Id : null);
    }
}

/// <summary>One page of deliveries, newest first; <see cref="NextBefore"/> is the <c>before</c> of the next page, null on the last.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryItem> Deliveries, long? NextBefore);

/// <summary>One notification item: which signal, to whom, and what became of it.</summary>
public sealed record DeliveryItem
{
    public long Id { get; init; }

    /// <summary>The signal's id as its source sent it; null for a test or once the signal was purged.</summary>
    public string? SignalId { get; init; }

    public long? WorkflowId { get; init; }

    public bool IsTest { get; init; }

    /// <summary><c>channel</c>, <c>user</c> (a DM), <c>role</c> (nobody found) or <c>reminder</c>.</summary>
    public string RecipientKind { get; init; } = string.Empty;

    public string RecipientId { get; init; } = string.Empty;

    /// <summary><c>pending</c>, <c>held</c>, <c>sending</c>, <c>sent</c>, <c>failed</c>, <c>undeliverable</c> or <c>suppressed</c>.</summary>
    public string Status { get; init; } = string.Empty;

    public string? HeldReason { get; init; }

    public string? SuppressedReason { get; init; }

    /// <summary>Slack's error code when it failed.</summary>
    public string? Error { get; init; }

    public int Attempts { get; init; }

    public string? SlackChannel { get; init; }

    public string? SlackTs { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? ClaimedBy { get; init; }
}
