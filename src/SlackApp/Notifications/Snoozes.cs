using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// Snooze on a notification: the modal opens from the click at once; its submission is re-checked against the
/// verified workspace and the message it came from (a DM or a reminder only by its reader; a channel post by anyone,
/// for themselves), the copy says until when, and a reminder is held to DM it back then in the person's own time zone.
/// </summary>
public sealed class Snoozes(
    NotificationOutbox outbox,
    SignalCopies copies,
    ReaderTimeZones zones,
    WorkspaceSettingsRepository settings,
    NotificationDeliveryTrigger trigger,
    TimeProvider clock,
    ILogger<Snoozes> logger)
{
    public const string DateNotAhead = "Pick a date after today.";

    /// <summary>Opens the modal for item <paramref name="itemId"/> of the message clicked.</summary>
    public static Task OpenAsync(SlackActionRequest request, long? itemId, CancellationToken ct) =>
        ClickedItem.OpenModalAsync(request, itemId, SnoozeModal.Build, ct);

    public async Task SubmitAsync(SlackViewSubmissionRequest request, CancellationToken ct)
    {
        if (await ClickedItem.FromSubmissionAsync(request, outbox, SnoozeModal.ForBlock, "Snooze", logger, ct) is not { } submitted)
        {
            return;
        }

        var (context, workspace, userId, item) = (request.Context, submitted.Workspace, submitted.UserId, submitted.Item);
        if (ClickedItem.ReaderOf(item) is { } reader && reader != userId)
        {
            request.AckWithErrors(new Dictionary<string, string> { [SnoozeModal.ForBlock] = $"Only <@{reader}>, who received it, can snooze it." });
            return;
        }

        var pick = SnoozeModal.Read(request.State);
        if (pick.Choice is not { } choice)
        {
            request.AckWithErrors(new Dictionary<string, string> { [pick.ProblemBlock!] = pick.Problem! });
            return;
        }

        var now = clock.GetUtcNow();
        var until = await UntilAsync(context, workspace, userId, choice, now, ct);
        if (until <= now)
        {
            request.AckWithErrors(new Dictionary<string, string> { [SnoozeModal.DateBlock] = DateNotAhead });
            return;
        }

        request.Ack();
        // The same snooze again (a double submit, Slack's retry) changes nothing and tells nothing twice.
        if (item.SnoozedBy == userId && item.SnoozedUntil is { } before && (before - until).Duration() < TimeSpan.FromMinutes(1))
        {
            return;
        }

        await outbox.SnoozeAsync(workspace, item, userId, until, ct);
        // The worker sleeps until the earliest item it knew of: told, it counts the reminder's time in.
        trigger.Wake();
        await copies.ShowAsync(context.Client, workspace, [item.SignalRowId!.Value], new SignalEvent(userId, SignalVerbs.Snoozed, $" until {NotificationComposer.SlackDate(until)}"), ct);
    }

    // A span from now; a date at 09:00 in the person's own zone (Slack's tz for them, else the workspace's).
    private async Task<DateTimeOffset> UntilAsync(SlackContext context, Workspace workspace, string userId, SnoozeChoice choice, DateTimeOffset now, CancellationToken ct)
    {
        if (choice.For is { } span)
        {
            return now + span;
        }

        var zone = await zones.FindAsync(workspace, context.Client, userId, ct) ?? (await settings.GetAsync(workspace, ct)).ZoneOrUtc();
        return ZonedTime.At(choice.OnDate!.Value, SnoozeChoice.DateTime, zone).ToUniversalTime();
    }
}
