using Dapper;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// After a workflow's delivery settings change, its items still waiting go out under the new ones: a digest item
/// becomes due now when the workflow turned instant, a waiting instant item is held for the new digest, a held one
/// moves to the new digest's time. Each in its reader's clock as planned (the zone stored on the item, their quiet
/// hours as they are now). Items over the daily cap keep their next-day digest, and snoozed ones their reminder's time; items already in a message or
/// leased by a sender are not touched, so nothing is lost or sent twice.
/// </summary>
public sealed class WaitingItemsRetiming(
    DbConnectionFactory connections,
    WorkspaceSettingsRepository workspaceSettings,
    PersonSettingsRepository people,
    NotificationDeliveryTrigger trigger,
    TimeProvider clock) : IWorkflowDeliveryObserver
{
    public async Task DeliveryChangedAsync(Workspace workspace, Workflow saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(saved);
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var waiting = (await connection.QueryAsync<WaitingItem>(new CommandDefinition(
            $"""
            SELECT id AS Id, recipient_kind AS RecipientKindName, recipient_id AS RecipientId, status AS Status, held_reason AS HeldReason, time_zone AS TimeZone
            FROM notification_deliveries
            WHERE team_id = @TeamId AND workflow_id = @WorkflowId AND message_id IS NULL AND attempts = 0
                AND (lease_until IS NULL OR lease_until <= @Now)
                AND (status = '{DeliveryStatus.Pending}' OR (status = '{DeliveryStatus.Held}' AND held_reason NOT IN ('{HoldReason.DailyCap}', '{HoldReason.Snooze}')))
            """,
            new { workspace.TeamId, WorkflowId = saved.Id, Now = now },
            cancellationToken: cancellationToken))).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var settings = await workspaceSettings.GetAsync(workspace, cancellationToken);
        var readers = waiting.Where(w => w.Kind == RecipientKind.User).Select(w => w.RecipientId).ToHashSet(StringComparer.Ordinal);
        var personal = readers.Count == 0 ? new Dictionary<string, QuietHours>() : await people.GetQuietHoursAsync(workspace, readers, cancellationToken);
        var released = false;
        foreach (var item in waiting)
        {
            var release = DeliverySchedule.Decide(now, saved.Delivery, ClockOf(item, settings, personal), overDailyCap: false);
            var held = release.IsHeld && release.At > now;
            // Guarded by the state read above: a sender that claimed the item meanwhile keeps it as it was.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE notification_deliveries
                SET status = @Status, held_reason = @HeldReason, next_attempt_at = @At, updated_at = @Now
                WHERE id = @Id AND team_id = @TeamId AND status = @Was AND message_id IS NULL AND (lease_until IS NULL OR lease_until <= @Now)
                """,
                new
                {
                    item.Id,
                    workspace.TeamId,
                    Was = item.Status,
                    Status = held ? DeliveryStatus.Held : DeliveryStatus.Pending,
                    HeldReason = held ? release.HeldReason : null,
                    At = held ? release.At : now,
                    Now = now,
                },
                cancellationToken: cancellationToken));
            released |= !held;
        }

        if (released)
        {
            trigger.Wake();
        }
    }

    // As the planner's clocks (RecipientClocks): a DM follows its reader's quiet hours (theirs, else the
    // workspace's); a channel the workspace's only when it holds channel posts.
    private static RecipientClock ClockOf(WaitingItem item, WorkspaceSettings settings, IReadOnlyDictionary<string, QuietHours> personal)
    {
        var zone = item.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : settings.ZoneOrUtc();
        var quiet = item.Kind == RecipientKind.User
            ? personal.GetValueOrDefault(item.RecipientId) ?? settings.QuietHours
            : settings.QuietHoursHoldChannels ? settings.QuietHours : null;
        return new RecipientClock(zone, quiet);
    }

    private sealed record WaitingItem
    {
        public long Id { get; init; }
        public string RecipientKindName { get; init; } = string.Empty;
        public string RecipientId { get; init; } = string.Empty;
        public string Status { get; init; } = string.Empty;
        public string? HeldReason { get; init; }
        public string? TimeZone { get; init; }
        public RecipientKind Kind => StoredMatches.ParseKind(RecipientKindName);
    }
}
