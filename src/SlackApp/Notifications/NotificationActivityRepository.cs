using Dapper;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.Notifications;

/// <summary>
/// Reads the last days' activity of a page of workflows in one grouped query over their items, through
/// <c>ix_notification_deliveries_workflow</c> (team, workflow, created_at). Workspace-scoped; tests excluded.
/// </summary>
public sealed class NotificationActivityRepository(DbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>How far back the Home tab looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>The activity of each of <paramref name="workflowIds"/> since <see cref="Window"/> ago; every id has an entry (empty when quiet).</summary>
    public async Task<IReadOnlyDictionary<long, WorkflowActivity>> ListAsync(Workspace workspace, IReadOnlyCollection<long> workflowIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(workflowIds);
        if (workflowIds.Count == 0)
        {
            return new Dictionary<long, WorkflowActivity>();
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<NotificationActivityCount>(new CommandDefinition(
            """
            SELECT d.workflow_id AS WorkflowId, d.status AS Status, d.held_reason AS HeldReason, d.suppressed_reason AS SuppressedReason,
                   m.kind AS MessageKind, COUNT(*) AS Count, MIN(d.next_attempt_at) AS NextAttemptAt
            FROM notification_deliveries d
            LEFT JOIN notification_messages m ON m.id = d.message_id AND m.team_id = d.team_id
            WHERE d.team_id = @TeamId AND d.workflow_id IN @WorkflowIds AND d.created_at >= @Since AND d.is_test = 0
            GROUP BY d.workflow_id, d.status, d.held_reason, d.suppressed_reason, m.kind
            """,
            new { workspace.TeamId, WorkflowIds = workflowIds.ToList(), Since = clock.GetUtcNow() - Window },
            cancellationToken: cancellationToken))).AsList();
        return workflowIds.Distinct().ToDictionary(id => id, id => WorkflowActivity.Tally(id, counts));
    }
}
