using Dapper;
using SlackApp.Installations;

namespace SlackApp.Notifications;

/// <summary>
/// Messages that carry several items (a digest, or a burst folded into one). A message is recorded with its items
/// before it is posted, so after a crash the same items go out together again: at most that one message twice,
/// never an item lost or split off. Every statement is scoped by the item's workspace.
/// </summary>
public sealed partial class NotificationOutbox
{
    private const string Messages = "notification_messages";

    private static readonly string[] MessageColumns = ["team_id", "recipient_kind", "recipient_id", "kind", "status", "item_count", "created_at"];

    /// <summary>
    /// The due items waiting behind <paramref name="leader"/> in its channel (the leader first), up to
    /// <paramref name="limit"/>: not in a message yet, not leased by another instance. The leader's lease keeps the
    /// channel's line for this instance meanwhile.
    /// </summary>
    public async Task<WaitingLine> WaitingBehindAsync(OutboxDelivery leader, string owner, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leader);
        const string Condition =
            $"""
            d.team_id = @TeamId AND d.recipient_kind = @Kind AND d.recipient_id = @Recipient AND d.is_test = 0
                AND d.status = '{DeliveryStatus.Pending}' AND d.message_id IS NULL AND d.next_attempt_at <= @Now
                AND (d.lease_owner IS NULL OR d.lease_owner = @Owner OR d.lease_until < @Now)
            """;
        var parameters = new { leader.TeamId, Kind = leader.RecipientKindName, Recipient = leader.RecipientId, Owner = owner, Now = clock.GetUtcNow(), Offset = 0, Limit = limit };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(
            connections.Dialect.Page($"SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From} WHERE {Condition} ORDER BY d.signal_row_id, d.id"),
            parameters,
            cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {Table} d WHERE {Condition}", parameters, cancellationToken: cancellationToken));
        return new WaitingLine(rows.AsList(), total);
    }

    /// <summary>
    /// Records a message of <paramref name="kind"/> carrying <paramref name="items"/> (all of one channel, the
    /// leader leased to <paramref name="owner"/>), leasing every item to the same owner; returns the message id, or
    /// null when the leader's lease ran out meanwhile (then nothing is recorded).
    /// </summary>
    public async Task<long?> RecordMessageAsync(IReadOnlyList<OutboxDelivery> items, string kind, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var leader = items[0];
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var messageId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            connections.Dialect.InsertReturningId(Messages, MessageColumns, "id"),
            new
            {
                team_id = leader.TeamId,
                recipient_kind = leader.RecipientKindName,
                recipient_id = leader.RecipientId,
                kind,
                status = DeliveryStatus.Sending,
                item_count = items.Count,
                created_at = now,
            },
            transaction,
            cancellationToken: cancellationToken));
        var attached = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table} SET message_id = @MessageId, lease_owner = @Owner, lease_until = @LeaseUntil, updated_at = @Now
            WHERE id IN @Ids AND team_id = @TeamId AND message_id IS NULL AND status = '{DeliveryStatus.Pending}'
                AND (lease_owner IS NULL OR lease_owner = @Owner OR lease_until < @Now)
                AND EXISTS (SELECT 1 FROM {Table} l WHERE l.id = @LeaderId AND l.lease_owner = @Owner AND l.lease_until > @Now)
            """,
            new { MessageId = messageId, Owner = owner, LeaseUntil = now + lease, Now = now, Ids = items.Select(i => i.Id).ToList(), leader.TeamId, LeaderId = leader.Id },
            transaction,
            cancellationToken: cancellationToken));
        if (attached != items.Count)
        {
            // The leader's lease ran out, or an item changed hands: leave the line to whoever holds it now.
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return messageId;
    }

    /// <summary>The items of an unsent message, in channel order (to send it again, the same items together).</summary>
    public async Task<IReadOnlyList<OutboxDelivery>> ItemsOfAsync(Workspace workspace, long messageId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(
            $"SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From} WHERE d.team_id = @TeamId AND d.message_id = @MessageId ORDER BY d.signal_row_id, d.id",
            new { workspace.TeamId, MessageId = messageId },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>As <see cref="MarkSendingAsync"/> for every item of a message; false when the leader's lease ran out.</summary>
    public async Task<bool> MarkMessageSendingAsync(Workspace workspace, long messageId, long leaderId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table} SET status = '{DeliveryStatus.Sending}', attempts = attempts + 1, lease_owner = @Owner, lease_until = @LeaseUntil, updated_at = @Now
            WHERE team_id = @TeamId AND message_id = @MessageId AND status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}')
                AND EXISTS (SELECT 1 FROM {Table} l WHERE l.id = @LeaderId AND l.team_id = @TeamId AND l.lease_owner = @Owner AND l.lease_until > @Now)
            """,
            new { workspace.TeamId, MessageId = messageId, LeaderId = leaderId, Owner = owner, Now = now, LeaseUntil = now + lease },
            cancellationToken: cancellationToken));
        return changed > 0;
    }

    /// <summary>Records where Slack put a message: the message and every item it carries are sent, in one transaction.</summary>
    public async Task MarkMessageSentAsync(Workspace workspace, long messageId, string channel, string ts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var where = new { workspace.TeamId, MessageId = messageId, Channel = channel, Ts = ts, Now = now };
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Messages} SET status = '{DeliveryStatus.Sent}', slack_channel = @Channel, slack_ts = @Ts, sent_at = @Now, last_error = NULL WHERE id = @MessageId AND team_id = @TeamId",
            where,
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table}
            SET status = '{DeliveryStatus.Sent}', slack_channel = @Channel, slack_ts = @Ts, sent_at = @Now, updated_at = @Now,
                last_error = NULL, error_detail = NULL, lease_until = NULL, lease_owner = NULL
            WHERE team_id = @TeamId AND message_id = @MessageId
            """,
            where,
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>As <see cref="RescheduleAsync"/> for every item of a message: they wait together, and go together again.</summary>
    public async Task RescheduleMessageAsync(Workspace workspace, long messageId, DateTimeOffset nextAttemptAt, bool refundAttempt, string? errorCode, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table}
            SET status = '{DeliveryStatus.Pending}', next_attempt_at = @NextAttemptAt, lease_until = NULL, lease_owner = NULL, updated_at = @Now,
                attempts = CASE WHEN @Refund = 1 AND attempts > 0 THEN attempts - 1 ELSE attempts END,
                last_error = COALESCE(@Code, last_error), error_detail = COALESCE(@Detail, error_detail)
            WHERE team_id = @TeamId AND message_id = @MessageId AND status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}')
            """,
            new { workspace.TeamId, MessageId = messageId, NextAttemptAt = nextAttemptAt, Refund = refundAttempt ? 1 : 0, Code = Code(errorCode), Detail = Detail(detail), Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Ends a message and every item it carries as failed, with Slack's code and what to do about it.</summary>
    public async Task MarkMessageFailedAsync(Workspace workspace, long messageId, string errorCode, string? detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var values = new { workspace.TeamId, MessageId = messageId, Code = Code(errorCode), Detail = Detail(detail), Now = now };
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Messages} SET status = '{DeliveryStatus.Failed}', last_error = @Code WHERE id = @MessageId AND team_id = @TeamId",
            values,
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Table}
            SET status = '{DeliveryStatus.Failed}', last_error = @Code, error_detail = @Detail, lease_until = NULL, lease_owner = NULL, updated_at = @Now
            WHERE team_id = @TeamId AND message_id = @MessageId AND status <> '{DeliveryStatus.Sent}'
            """,
            values,
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The sent items a message of the workspace carries, as posted at <paramref name="channel"/>/<paramref name="ts"/>; empty when it is not one.</summary>
    public async Task<IReadOnlyList<OutboxDelivery>> ItemsPostedAtAsync(Workspace workspace, string channel, string ts, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(
            $"""
            SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From}
            WHERE d.team_id = @TeamId AND d.message_id IN (SELECT m.id FROM {Messages} m WHERE m.team_id = @TeamId AND m.slack_channel = @Channel AND m.slack_ts = @Ts)
            ORDER BY d.signal_row_id, d.id
            """,
            new { workspace.TeamId, Channel = channel, Ts = ts },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}

/// <summary>The first items waiting in a channel's line (up to a limit), and how many wait in all.</summary>
public sealed record WaitingLine(IReadOnlyList<OutboxDelivery> Items, int Total);
