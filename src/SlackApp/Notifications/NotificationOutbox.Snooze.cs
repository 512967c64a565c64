using Dapper;
using SlackApp.Installations;

namespace SlackApp.Notifications;

/// <summary>Snoozes: the copy snoozed says until when, and a reminder item waits, held, to DM it back then.</summary>
public sealed partial class NotificationOutbox
{
    private static readonly string[] ReminderTiming = ["status", "held_reason", "next_attempt_at", "attempts", "message_id", "last_error", "lease_until", "lease_owner", "updated_at"];
    private static readonly string[] ReminderContent = ["is_test", "matches_json", "people_json", "workflow_id", "created_at"];

    /// <summary>
    /// Records on every copy of the signal that <paramref name="userId"/> snoozed it until <paramref name="until"/>, and holds
    /// their reminder of the signal until then (one per person and signal: snoozing again, or snoozing the reminder
    /// itself, moves it). One transaction, so there is never a snoozed copy without its reminder.
    /// </summary>
    public async Task SnoozeAsync(Workspace workspace, OutboxDelivery copy, string userId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // On every copy of the signal, as acknowledgements and claims are: each message says who put it off until when.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notification_deliveries SET snoozed_by = @UserId, snoozed_until = @Until, updated_at = @Now WHERE team_id = @TeamId AND signal_row_id = @SignalRowId AND recipient_kind <> 'reminder'",
            new { copy.SignalRowId, workspace.TeamId, UserId = userId, Until = until.ToUniversalTime(), Now = now },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.Upsert("notification_deliveries", Key, ReminderTiming, ReminderContent),
            new
            {
                team_id = workspace.TeamId,
                signal_row_id = copy.SignalRowId,
                recipient_kind = StoredMatches.KindName(RecipientKind.Reminder),
                recipient_id = userId,
                status = DeliveryStatus.Held,
                held_reason = HoldReason.Snooze,
                next_attempt_at = until.ToUniversalTime(),
                attempts = 0,
                message_id = (long?)null,
                last_error = (string?)null,
                lease_until = (DateTimeOffset?)null,
                lease_owner = (string?)null,
                updated_at = now,
                is_test = false,
                matches_json = copy.MatchesJson,
                people_json = copy.PeopleJson,
                workflow_id = copy.WorkflowId,
                created_at = now,
            },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
