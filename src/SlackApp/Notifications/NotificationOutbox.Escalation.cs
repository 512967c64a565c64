using Dapper;
using SlackApp.Installations;

namespace SlackApp.Notifications;

/// <summary>A signal's escalation: marked on every copy, and its notices queued, in one transaction.</summary>
public sealed partial class NotificationOutbox
{
    private static readonly string[] EscalationColumns =
        ["is_test", "matches_json", "note", "people_json", "status", "attempts", "next_attempt_at", "workflow_id", "escalated_at", "created_at", "updated_at"];

    /// <summary>
    /// The sent copies of <paramref name="workflowId"/>'s signals that nobody acknowledged or claimed, sent between
    /// <paramref name="since"/> and <paramref name="sentBefore"/>, not escalated yet: at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<OutboxDelivery>> DueForEscalationAsync(Workspace workspace, long workflowId, DateTimeOffset since, DateTimeOffset sentBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(
            connections.Dialect.Page(
                $"""
                SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From}
                WHERE d.team_id = @TeamId AND d.workflow_id = @WorkflowId AND d.status = '{DeliveryStatus.Sent}'
                    AND d.recipient_kind IN ('channel', 'user') AND d.sent_at >= @Since AND d.sent_at <= @SentBefore
                    AND d.acknowledged_by IS NULL AND d.claimed_by IS NULL AND d.escalated_at IS NULL AND d.signal_row_id IS NOT NULL
                ORDER BY d.sent_at, d.id
                """),
            new { workspace.TeamId, WorkflowId = workflowId, Since = since.ToUniversalTime(), SentBefore = sentBefore.ToUniversalTime(), Offset = 0, Limit = limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// Marks every copy of the signal escalated and queues one notice per target that has no copy of it yet. False
    /// when the signal was escalated, acknowledged or claimed meanwhile (another instance, a click): nothing changes.
    /// </summary>
    public async Task<bool> TryEscalateAsync(Workspace workspace, OutboxDelivery copy, IReadOnlyList<(RecipientKind Kind, string Id)> targets, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(targets);
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET escalated_at = @Now, updated_at = @Now
            WHERE team_id = @TeamId AND signal_row_id = @SignalRowId AND escalated_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM notification_deliveries o WHERE o.team_id = @TeamId AND o.signal_row_id = @SignalRowId
                    AND (o.escalated_at IS NOT NULL OR o.acknowledged_by IS NOT NULL OR o.claimed_by IS NOT NULL))
            """,
            new { workspace.TeamId, copy.SignalRowId, Now = now },
            transaction,
            cancellationToken: cancellationToken));
        if (marked == 0)
        {
            return false;
        }

        foreach (var (kind, id) in targets)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                connections.Dialect.InsertIfAbsent("notification_deliveries", Key, EscalationColumns),
                new
                {
                    team_id = workspace.TeamId,
                    signal_row_id = copy.SignalRowId,
                    recipient_kind = StoredMatches.KindName(kind),
                    recipient_id = id,
                    is_test = false,
                    matches_json = copy.MatchesJson,
                    note,
                    people_json = copy.PeopleJson,
                    status = DeliveryStatus.Pending,
                    attempts = 0,
                    next_attempt_at = now,
                    workflow_id = copy.WorkflowId,
                    // The notice is the escalation: it shows so, and is never escalated itself.
                    escalated_at = now,
                    created_at = now,
                    updated_at = now,
                },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
