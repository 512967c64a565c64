using System.Data.Common;
using Dapper;
using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>What <see cref="NotificationOutbox.ForwardAsync"/> did: whether it marked the copy (false: forwarded already) and whether it stored a new DM.</summary>
public sealed record ForwardOutcome(bool Marked, bool NewDm);

/// <summary>
/// A signal sent on to another person as a DM: after an owner mapping from a fallback copy, and after "Wrong owner"
/// on a DM. One DM per person and signal (the outbox's unique key): a person who has one already gets no other.
/// </summary>
public sealed partial class NotificationOutbox
{
    private static readonly string[] CopyOther =
        ["is_test", "matches_json", "people_json", "status", "attempts", "next_attempt_at", "created_at", "updated_at", "workflow_id", "forwarded_by", "forward_reason"];

    /// <summary>
    /// Stores a DM of <paramref name="from"/>'s signal for <paramref name="userId"/>, who now holds <paramref name="role"/>
    /// (so their DM says why it is theirs), once: false when they have one already.
    /// </summary>
    public async Task<bool> AddDmCopyAsync(Workspace workspace, OutboxDelivery from, string userId, AccountRole? role, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await AddDmCopyAsync(connection, null, workspace, from, userId, role, forwardedBy: null, reason: null, cancellationToken);
    }

    /// <summary>
    /// "Wrong owner": marks <paramref name="copy"/> forwarded to <paramref name="toUserId"/> and stores their DM saying
    /// who forwarded it and why, in one transaction and once (a copy forwarded already changes nothing).
    /// </summary>
    public async Task<ForwardOutcome> ForwardAsync(
        Workspace workspace, OutboxDelivery copy, string toUserId, AccountRole role, string byUserId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var marked = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET forwarded_to = @To, forwarded_by = @By, forwarded_at = @Now, forward_reason = @Reason, updated_at = @Now
            WHERE id = @Id AND team_id = @TeamId AND forwarded_to IS NULL
            """,
            new { copy.Id, workspace.TeamId, To = toUserId, By = byUserId, Reason = reason, Now = now },
            transaction,
            cancellationToken: cancellationToken)) == 1;
        var added = marked && await AddDmCopyAsync(connection, transaction, workspace, copy, toUserId, role, byUserId, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ForwardOutcome(marked, added);
    }

    private async Task<bool> AddDmCopyAsync(
        DbConnection connection,
        DbTransaction? transaction,
        Workspace workspace,
        OutboxDelivery from,
        string userId,
        AccountRole? role,
        string? forwardedBy,
        string? reason,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(from);
        var people = AccountPeople.FromJson(from.PeopleJson);
        var now = clock.GetUtcNow();
        return await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.InsertIfAbsent("notification_deliveries", Key, CopyOther),
            new
            {
                team_id = workspace.TeamId,
                signal_row_id = from.SignalRowId,
                recipient_kind = StoredMatches.KindName(RecipientKind.User),
                recipient_id = userId,
                is_test = false,
                matches_json = from.MatchesJson,
                people_json = (role is { } held ? people.With(held, userId) : people).ToJson(),
                status = DeliveryStatus.Pending,
                attempts = 0,
                next_attempt_at = now,
                created_at = now,
                updated_at = now,
                workflow_id = from.WorkflowId,
                forwarded_by = forwardedBy,
                forward_reason = reason,
            },
            transaction,
            cancellationToken: cancellationToken)) > 0;
    }
}
