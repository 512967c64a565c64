using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// "Not relevant" on a notification: the modal opens from the click at once; its submission is re-checked against
/// the verified workspace and the message it came from (a DM's only by its reader), marks the item once, mutes the
/// account for the person when asked, and shows the mark on the message and in its thread.
/// </summary>
public sealed class NotRelevantMarks(NotificationOutbox outbox, SignalCopies copies, ILogger<NotRelevantMarks> logger)
{
    /// <summary>Opens the modal for item <paramref name="itemId"/> of the message clicked.</summary>
    public static Task OpenAsync(SlackActionRequest request, long? itemId, CancellationToken ct) =>
        ClickedItem.OpenModalAsync(request, itemId, NotRelevantModal.Build, ct);

    public async Task SubmitAsync(SlackViewSubmissionRequest request, CancellationToken ct)
    {
        if (await ClickedItem.FromSubmissionAsync(request, outbox, NotRelevantModal.ReasonBlock, "Not relevant", logger, ct) is not { } submitted)
        {
            return;
        }

        var (context, workspace, userId, item) = (request.Context, submitted.Workspace, submitted.UserId, submitted.Item);
        if (ClickedItem.ReaderOf(item) is { } reader && reader != userId)
        {
            request.AckWithErrors(new Dictionary<string, string> { [NotRelevantModal.ReasonBlock] = $"Only <@{reader}>, who received it, can mark it." });
            return;
        }

        var answer = NotRelevantModal.Read(request.State);
        request.Ack();
        if (answer.MuteAccount && item.ReadSignal() is { } signal)
        {
            await outbox.MuteAccountAsync(workspace, userId, NotificationSubject.AccountKey(signal), UntrustedText.Truncate(signal.Account.Name, 200), ct);
        }

        // Marked once: a second submission (or Slack's retry) changes nothing and tells nothing twice.
        if (await outbox.TryMarkNotRelevantAsync(workspace, item.Id, userId, answer.Reason, ct))
        {
            await copies.ShowOnCopyAsync(context.Client, workspace, item, new SignalEvent(userId, SignalVerbs.MarkedNotRelevant), ct);
        }
    }
}
