using Dapper;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.OwnerMappings;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// The outbox's side of owner mapping: which email a fallback copy could not DM (read from its stored signal), and,
/// once that email is mapped, a DM of the same signal to the mapped person, stored once (a second submission or
/// Slack's retry finds the row there) and sent by the delivery worker like any other.
/// </summary>
public sealed class OwnerMappingItems(NotificationOutbox outbox, DbConnectionFactory connections, NotificationDeliveryTrigger trigger, TimeProvider clock)
    : IOwnerMappingItems
{
    private static readonly string[] Key = ["team_id", "signal_row_id", "recipient_kind", "recipient_id"];

    private static readonly string[] Other =
        ["is_test", "matches_json", "people_json", "status", "attempts", "next_attempt_at", "created_at", "updated_at", "workflow_id"];

    public async Task<string?> UnmatchedEmailAsync(Workspace workspace, long itemId, CancellationToken cancellationToken) =>
        await outbox.GetAsync(workspace, itemId, cancellationToken) is { IsTest: false } item && item.ReadSignal() is { } signal
            ? item.UnmatchedEmail(signal)
            : null;

    public async Task RerouteAsync(Workspace workspace, long itemId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (await outbox.GetAsync(workspace, itemId, cancellationToken) is not { IsTest: false, SignalRowId: { } signalRowId } item
            || item.ReadSignal() is not { } signal
            || item.UnmatchedEmail(signal) is null)
        {
            return;
        }

        // The mapped person now holds the role, so their DM says why it is theirs.
        var role = (item.UnmatchedRoles ?? string.Empty).Split(',').Select(w => SignalNames.TryParse(w, out AccountRole r) ? r : (AccountRole?)null).FirstOrDefault(r => r is not null);
        var people = AccountPeople.FromJson(item.PeopleJson);
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.InsertIfAbsent("notification_deliveries", Key, Other),
            new
            {
                team_id = workspace.TeamId,
                signal_row_id = signalRowId,
                recipient_kind = StoredMatches.KindName(RecipientKind.User),
                recipient_id = userId,
                is_test = false,
                matches_json = item.MatchesJson,
                people_json = (role is { } held ? people.With(held, userId) : people).ToJson(),
                status = DeliveryStatus.Pending,
                attempts = 0,
                next_attempt_at = now,
                created_at = now,
                updated_at = now,
                workflow_id = item.WorkflowId,
            },
            cancellationToken: cancellationToken));
        if (inserted > 0)
        {
            trigger.Wake();
        }
    }
}
