using System.Data.Common;
using Dapper;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>What becomes of a new item: its status, when it goes, why it waits or is not sent, and what it follows.</summary>
internal sealed record ItemDecision(string Status, DateTimeOffset At, string? HeldReason, string? SuppressedReason, long? WorkflowId, string? SubjectKey, string? FactKey, string? TimeZone);

/// <summary>
/// Decides, as the planner writes a new item, whether it goes now, is held (its workflow's digest, the reader's quiet
/// hours, the daily cap) or is suppressed (a duplicate within the window), from the items already stored. Runs in the
/// planner's transaction, item after item, so the items of one batch see each other.
/// </summary>
internal static class NoiseControl
{
    /// <summary>Why an item was suppressed: the recipient had the same news about the same person within the window.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Why an item was suppressed: its reader said "don't show me this account again".</summary>
    public const string MutedAccount = "muted_account";

    private static readonly string Counted = $"status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.Sending}', '{DeliveryStatus.Held}', '{DeliveryStatus.Sent}')";

    /// <summary>
    /// The workflow an item follows when several matched: the most immediate one (instant, then the shortest
    /// digest, then daily), so a recipient never waits longer than one of their workflows asks.
    /// </summary>
    public static Workflow? Governing(IEnumerable<WorkflowMatch> matches) => matches
        .Select(m => m.Workflow)
        .OrderBy(w => w.Delivery.Mode)
        .ThenBy(w => w.Delivery.DigestEvery)
        .ThenBy(w => w.Id)
        .FirstOrDefault();

    public static async Task<ItemDecision> DecideAsync(DbTransaction transaction, PlannedSignal signal, PlannedDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        var workflow = Governing(delivery.Matches);
        var settings = workflow?.Delivery ?? WorkflowDelivery.Default;
        var subject = signal.Signal is { } s ? NotificationSubject.SubjectKey(s) : null;
        var fact = signal.Signal is { } f ? NotificationSubject.FactKey(f) : null;
        var zone = delivery.Clock.Zone.Id;
        var recipient = new { signal.Workspace.TeamId, Kind = StoredMatches.KindName(delivery.Kind), Id = delivery.RecipientId };

        if (delivery.Kind == RecipientKind.User && signal.Signal is { } muted && await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM account_mutes WHERE team_id = @TeamId AND user_id = @Id AND account_key = @Account",
                new { recipient.TeamId, recipient.Id, Account = NotificationSubject.AccountKey(muted) },
                transaction,
                cancellationToken: ct)) > 0)
        {
            return new ItemDecision(DeliveryStatus.Suppressed, now, null, MutedAccount, workflow?.Id, subject, fact, zone);
        }

        if (subject is not null && fact is not null && settings.DuplicateWindow is { } window)
        {
            var earlier = await transaction.Connection!.QueryAsync<(string Fact, DateTimeOffset CreatedAt)>(new CommandDefinition(
                $"""
                SELECT fact_key, created_at FROM notification_deliveries
                WHERE team_id = @TeamId AND recipient_kind = @Kind AND recipient_id = @Id AND subject_key = @Subject AND created_at > @Since AND {Counted}
                """,
                new { recipient.TeamId, recipient.Kind, recipient.Id, Subject = subject, Since = now - window },
                transaction,
                cancellationToken: ct));
            if (DuplicateWindow.IsDuplicate(now, window, subject, fact, earlier.Select(e => new EarlierItem(subject, e.Fact, e.CreatedAt))))
            {
                return new ItemDecision(DeliveryStatus.Suppressed, now, null, Duplicate, workflow?.Id, subject, fact, zone);
            }
        }

        var overCap = false;
        if (workflow is not null && settings.DailyCap is { } cap)
        {
            var today = await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
                $"""
                SELECT COUNT(*) FROM notification_deliveries
                WHERE team_id = @TeamId AND recipient_kind = @Kind AND recipient_id = @Id AND workflow_id = @WorkflowId AND created_at >= @DayStart
                    AND {Counted} AND (held_reason IS NULL OR held_reason <> '{HoldReason.DailyCap}')
                """,
                new { recipient.TeamId, recipient.Kind, recipient.Id, WorkflowId = workflow.Id, DayStart = DeliverySchedule.DayStart(now, delivery.Clock.Zone) },
                transaction,
                cancellationToken: ct));
            overCap = today >= cap;
        }

        var release = DeliverySchedule.Decide(now, settings, delivery.Clock, overCap);
        return release.IsHeld && release.At > now
            ? new ItemDecision(DeliveryStatus.Held, release.At, release.HeldReason, null, workflow?.Id, subject, fact, zone)
            : new ItemDecision(DeliveryStatus.Pending, now, null, null, workflow?.Id, subject, fact, zone);
    }
}
