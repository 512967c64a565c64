using System.Data.Common;
using Dapper;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// The durable outbox of notifications: here, what the delivery worker does with its rows (claim, send, retry, fail)
/// and what people do with them; the planner's writes are in <c>NotificationOutbox.Planning.cs</c>. Workspace-scoped
/// except <see cref="ClaimAsync"/> (the worker serves every workspace and gets each row with its team) and
/// <see cref="EarliestDueAsync"/>.
/// </summary>
public sealed partial class NotificationOutbox(DbConnectionFactory connections, TimeProvider clock)
{
    private const int MaxDetailLength = 1000;
    private const int MaxCodeLength = 100;

    private const string Table = "notification_deliveries";

    // Waiting: not yet sent, or handed to Slack by an instance whose lease ran out. Tests are sent by whoever asked.
    private static readonly string Waiting = $"status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}') AND is_test = 0";

    // First in its channel's line: no earlier signal's row for the same channel (or DM) still waits, so each channel
    // gets its messages in the order their signals arrived, one at a time, even while many channels are sent at once.
    // A row held back for a retry holds its channel's later rows back too.
    private static readonly string FirstInLine =
        $"""
        NOT EXISTS (SELECT 1 FROM {Table} ahead
            WHERE ahead.team_id = {Table}.team_id AND ahead.recipient_kind = {Table}.recipient_kind AND ahead.recipient_id = {Table}.recipient_id
                AND ahead.status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}') AND ahead.is_test = 0
                AND (ahead.signal_row_id < {Table}.signal_row_id OR (ahead.signal_row_id = {Table}.signal_row_id AND ahead.id < {Table}.id)))
        """;

    private static readonly string Due = $"{Waiting} AND next_attempt_at <= @Now AND {FirstInLine}";

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries of any workspace for <paramref name="owner"/>,
    /// leased for <paramref name="lease"/> so no other instance sends them meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Held items whose time came (a digest's, quiet hours' end, the cap's next day) wait in line like any other.
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Table} SET status = '{DeliveryStatus.Pending}', updated_at = @Now WHERE status = '{DeliveryStatus.Held}' AND next_attempt_at <= @Now",
            new { Now = now },
            cancellationToken: cancellationToken));
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            connections.Dialect.ClaimWithLease(Table, "id", Due, "next_attempt_at, signal_row_id, id", "lease_until", "lease_owner"),
            new { Limit = limit, Now = now, LeaseUntil = now + lease, Owner = owner },
            cancellationToken: cancellationToken))).ToList();
        return ids.Count == 0 ? [] : await ReadClaimedAsync(connection, ids, owner, cancellationToken);
    }

    /// <summary>
    /// When the next waiting delivery can be claimed, of any workspace; null when none waits. A leased row counts
    /// from when its lease runs out (another instance has it, or one that stopped), not from when it fell due; a row
    /// behind another of its channel counts only once it is first in line. A held item counts from its release.
    /// </summary>
    public async Task<DateTimeOffset?> EarliestDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var waiting = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            $"""
            SELECT MIN(CASE WHEN lease_until IS NOT NULL AND lease_until > next_attempt_at THEN lease_until ELSE next_attempt_at END)
            FROM {Table} WHERE {Waiting} AND {FirstInLine}
            """,
            cancellationToken: cancellationToken));
        var held = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            $"SELECT MIN(next_attempt_at) FROM {Table} WHERE status = '{DeliveryStatus.Held}'",
            cancellationToken: cancellationToken));
        return waiting is null ? held : held is null || waiting < held ? waiting : held;
    }

    /// <summary>
    /// How many items wait to be sent (held, pending or with Slack), and how long the oldest due one has been due: one
    /// read over the waiting rows (the status index), for the metrics' sampler.
    /// </summary>
    public async Task<OutboxDepth> DepthAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<DepthRow>(new CommandDefinition(
            $"""
            SELECT COUNT(*) AS Waiting, MIN(CASE WHEN next_attempt_at <= @Now THEN next_attempt_at END) AS OldestDue
            FROM {Table} WHERE status IN ('{DeliveryStatus.Held}', '{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}') AND is_test = 0
            """,
            new { Now = now },
            cancellationToken: cancellationToken));
        return row is null ? new OutboxDepth(0, null) : new OutboxDepth(row.Waiting, row.OldestDue is { } due ? now - due : null);
    }

    /// <summary>
    /// Marks a claimed delivery as handed to Slack and renews its lease for <paramref name="lease"/> from now, so the
    /// Slack call is covered however long the batch took so far. False when this owner's lease ran out or was taken
    /// meanwhile: then the row must not be sent (another instance may be sending it).
    /// </summary>
    public async Task<bool> MarkSendingAsync(Workspace workspace, long id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE notification_deliveries SET status = '{DeliveryStatus.Sending}', attempts = attempts + 1, lease_until = @LeaseUntil, updated_at = @Now
            WHERE id = @Id AND team_id = @TeamId AND lease_owner = @Owner AND lease_until > @Now
                AND status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}')
            """,
            new { Id = id, workspace.TeamId, Owner = owner, Now = now, LeaseUntil = now + lease },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Records where Slack put the message, in the same statement that makes it sent.</summary>
    public async Task MarkSentAsync(Workspace workspace, long id, string channel, string ts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE notification_deliveries
            SET status = '{DeliveryStatus.Sent}', slack_channel = @Channel, slack_ts = @Ts, sent_at = @Now, updated_at = @Now,
                last_error = NULL, error_detail = NULL, lease_until = NULL, lease_owner = NULL
            WHERE id = @Id AND team_id = @TeamId
            """,
            new { Id = id, workspace.TeamId, Channel = channel, Ts = ts, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Puts a claimed delivery back to wait until <paramref name="nextAttemptAt"/>, releasing its lease.
    /// <paramref name="refundAttempt"/> gives back the attempt <see cref="MarkSendingAsync"/> counted (Slack said "later", not "no").
    /// </summary>
    public async Task RescheduleAsync(Workspace workspace, long id, DateTimeOffset nextAttemptAt, bool refundAttempt, string? errorCode, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE notification_deliveries
            SET status = '{DeliveryStatus.Pending}', next_attempt_at = @NextAttemptAt, lease_until = NULL, lease_owner = NULL, updated_at = @Now,
                attempts = CASE WHEN @Refund = 1 AND attempts > 0 THEN attempts - 1 ELSE attempts END,
                last_error = COALESCE(@Code, last_error), error_detail = COALESCE(@Detail, error_detail)
            WHERE id = @Id AND team_id = @TeamId AND status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}')
            """,
            new { Id = id, workspace.TeamId, NextAttemptAt = nextAttemptAt, Refund = refundAttempt ? 1 : 0, Code = Code(errorCode), Detail = Detail(detail), Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Puts claimed deliveries back to wait, each until its own time (a paced send's booked slot), releasing their
    /// leases: one transaction for all, as a burst paces most of what it claims. Rows <paramref name="owner"/> no longer
    /// holds are left alone.
    /// </summary>
    public async Task PutBackAsync(IReadOnlyCollection<PacedDelivery> deliveries, string owner, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE notification_deliveries
            SET status = '{DeliveryStatus.Pending}', next_attempt_at = @NotBefore, lease_until = NULL, lease_owner = NULL, updated_at = @Now
            WHERE id = @Id AND team_id = @TeamId AND lease_owner = @Owner AND status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}')
            """,
            deliveries.Select(d => new { d.Id, d.TeamId, d.NotBefore, Owner = owner, Now = now }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Ends a delivery as failed, keeping Slack's error code and a reason people can act on.</summary>
    public async Task MarkFailedAsync(Workspace workspace, long id, string errorCode, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE notification_deliveries
            SET status = '{DeliveryStatus.Failed}', last_error = @Code, error_detail = @Detail, lease_until = NULL, lease_owner = NULL, updated_at = @Now
            WHERE id = @Id AND team_id = @TeamId AND status <> '{DeliveryStatus.Sent}'
            """,
            new { Id = id, workspace.TeamId, Code = Code(errorCode), Detail = Detail(detail), Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Ends every waiting delivery of the workspace as failed (e.g. the app was uninstalled); returns how many.</summary>
    public async Task<int> CancelWaitingAsync(Workspace workspace, string errorCode, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE notification_deliveries
            SET status = '{DeliveryStatus.Failed}', last_error = @Code, error_detail = @Detail, lease_until = NULL, lease_owner = NULL, updated_at = @Now
            WHERE team_id = @TeamId AND status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}', '{DeliveryStatus.Held}')
            """,
            new { workspace.TeamId, Code = Code(errorCode), Detail = Detail(detail), Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    public async Task<OutboxDelivery?> GetAsync(Workspace workspace, long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OutboxDelivery>(new CommandDefinition(
            $"SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From} WHERE d.id = @Id AND d.team_id = @TeamId",
            new { Id = id, workspace.TeamId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Records <paramref name="userId"/>'s acknowledgement unless someone came first; true when this one counted.</summary>
    public async Task<bool> TryAcknowledgeAsync(Workspace workspace, long id, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_deliveries SET acknowledged_by = @UserId, acknowledged_at = @Now, updated_at = @Now WHERE id = @Id AND team_id = @TeamId AND acknowledged_by IS NULL",
            new { Id = id, workspace.TeamId, UserId = userId, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>Records a click on one of the delivery's link buttons.</summary>
    public async Task RecordClickAsync(Workspace workspace, long deliveryId, string actionId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO notification_clicks (team_id, delivery_id, action_id, user_id, clicked_at) VALUES (@TeamId, @DeliveryId, @ActionId, @UserId, @Now)",
            new { workspace.TeamId, DeliveryId = deliveryId, ActionId = actionId, UserId = userId, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>The workspace's latest deliveries, newest first.</summary>
    public Task<IReadOnlyList<OutboxDelivery>> ListRecentAsync(Workspace workspace, int limit, CancellationToken cancellationToken) =>
        ListAsync(workspace, "1 = 1", limit, cancellationToken);

    /// <summary>The workspace's latest failed and undeliverable deliveries, newest first.</summary>
    public Task<IReadOnlyList<OutboxDelivery>> ListRecentFailuresAsync(Workspace workspace, int limit, CancellationToken cancellationToken) =>
        ListAsync(workspace, $"d.status IN ('{DeliveryStatus.Failed}', '{DeliveryStatus.Undeliverable}')", limit, cancellationToken);

    private async Task<IReadOnlyList<OutboxDelivery>> ListAsync(Workspace workspace, string condition, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(
            connections.Dialect.Page($"SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From} WHERE d.team_id = @TeamId AND {condition} ORDER BY d.id DESC"),
            new { workspace.TeamId, Offset = 0, Limit = limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Reads back rows this owner just claimed; a separate statement because a claim returns only ids.</summary>
    internal static async Task<IReadOnlyList<OutboxDelivery>> ReadClaimedAsync(DbConnection connection, IReadOnlyCollection<long> ids, string owner, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(
            $"SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From} WHERE d.id IN @Ids AND d.lease_owner = @Owner ORDER BY d.next_attempt_at, d.signal_row_id, d.id",
            new { Ids = ids, Owner = owner },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static string? Code(string? code) => code is null ? null : UntrustedText.Truncate(code, MaxCodeLength);

    private static string? Detail(string? detail) => detail is null ? null : UntrustedText.Truncate(detail, MaxDetailLength);

    private sealed record DepthRow
    {
        public long Waiting { get; init; }
        public DateTimeOffset? OldestDue { get; init; }
    }
}

/// <summary>A claimed delivery the pacer put off until <paramref name="NotBefore"/>.</summary>
public sealed record PacedDelivery(string TeamId, long Id, DateTimeOffset NotBefore);
