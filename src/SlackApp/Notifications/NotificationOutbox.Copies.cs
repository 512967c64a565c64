using Dapper;
using SlackApp.Installations;

namespace SlackApp.Notifications;

/// <summary>
/// A signal's state across its copies: the same signal often reaches a DM and a channel, and an acknowledgement or a
/// claim made on one copy is written on every item of the signal, so each message shows the same.
/// </summary>
public sealed partial class NotificationOutbox
{
    /// <summary>Marks every copy of the signal not yet acknowledged as acknowledged by <paramref name="userId"/>.</summary>
    public async Task<int> AcknowledgeCopiesAsync(Workspace workspace, long signalRowId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET acknowledged_by = @UserId, acknowledged_at = @Now, updated_at = @Now
            WHERE team_id = @TeamId AND signal_row_id = @SignalRowId AND acknowledged_by IS NULL
            """,
            new { workspace.TeamId, SignalRowId = signalRowId, UserId = userId, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Gives the signal to <paramref name="userId"/> on every copy, unless someone has it already: one statement, so
    /// of two people claiming at once exactly one gets it. False when it was taken (by anyone, the clicker too).
    /// </summary>
    public async Task<bool> TryClaimAsync(Workspace workspace, long signalRowId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET claimed_by = @UserId, claimed_at = @Now, updated_at = @Now
            WHERE team_id = @TeamId AND signal_row_id = @SignalRowId AND claimed_by IS NULL
                AND NOT EXISTS (SELECT 1 FROM notification_deliveries o WHERE o.team_id = @TeamId AND o.signal_row_id = @SignalRowId AND o.claimed_by IS NOT NULL)
            """,
            new { workspace.TeamId, SignalRowId = signalRowId, UserId = userId, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return changed > 0;
    }

    /// <summary>Who has the signal now, if anyone.</summary>
    public async Task<string?> ClaimerAsync(Workspace workspace, long signalRowId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MIN(claimed_by) FROM notification_deliveries WHERE team_id = @TeamId AND signal_row_id = @SignalRowId",
            new { workspace.TeamId, SignalRowId = signalRowId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Gives the signal back on every copy; only its claimer can. False when <paramref name="userId"/> did not have it.</summary>
    public async Task<bool> ReleaseAsync(Workspace workspace, long signalRowId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET claimed_by = NULL, claimed_at = NULL, updated_at = @Now
            WHERE team_id = @TeamId AND signal_row_id = @SignalRowId AND claimed_by = @UserId
            """,
            new { workspace.TeamId, SignalRowId = signalRowId, UserId = userId, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return changed > 0;
    }

    /// <summary>The sent items of these signals, each with the Slack message (channel and ts) that carries it.</summary>
    public async Task<IReadOnlyList<OutboxDelivery>> SentCopiesAsync(Workspace workspace, IReadOnlyCollection<long> signalRowIds, CancellationToken cancellationToken)
    {
        if (signalRowIds.Count == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(
            $"""
            SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From}
            WHERE d.team_id = @TeamId AND d.signal_row_id IN @SignalRowIds AND d.status = '{DeliveryStatus.Sent}' AND d.slack_ts IS NOT NULL
            ORDER BY d.id
            """,
            new { workspace.TeamId, SignalRowIds = signalRowIds.ToArray() },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
