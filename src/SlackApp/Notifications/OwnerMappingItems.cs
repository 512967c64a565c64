using SlackApp.Installations;
using SlackApp.OwnerMappings;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// The outbox's side of owner mapping: which email a fallback copy could not DM (read from its stored signal), and,
/// once that email is mapped, a DM of the same signal to the mapped person, stored once (a second submission or
/// Slack's retry finds the row there) and sent by the delivery worker like any other.
/// </summary>
public sealed class OwnerMappingItems(NotificationOutbox outbox, NotificationDeliveryTrigger trigger) : IOwnerMappingItems
{
    public async Task<string?> UnmatchedEmailAsync(Workspace workspace, long itemId, CancellationToken cancellationToken) =>
        await outbox.GetAsync(workspace, itemId, cancellationToken) is { IsTest: false } item && item.ReadSignal() is { } signal
            ? item.UnmatchedEmail(signal)
            : null;

    public async Task RerouteAsync(Workspace workspace, long itemId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (await outbox.GetAsync(workspace, itemId, cancellationToken) is not { IsTest: false, SignalRowId: not null } item
            || item.ReadSignal() is not { } signal
            || item.UnmatchedEmail(signal) is null)
        {
            return;
        }

        // The mapped person now holds the role, so their DM says why it is theirs.
        var role = (item.UnmatchedRoles ?? string.Empty).Split(',').Select(w => SignalNames.TryParse(w, out AccountRole r) ? r : (AccountRole?)null).FirstOrDefault(r => r is not null);
        if (await outbox.AddDmCopyAsync(workspace, item, userId, role, cancellationToken))
        {
            trigger.Wake();
        }
    }
}
