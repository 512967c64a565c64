using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>
/// Claims on channel posts: anyone in the channel may take a signal ("I'll handle this"); a second claimer is told
/// who has it; only the claimer releases it. A claim belongs to the signal, so every copy shows it, and each change
/// is told in the message's thread. Clicks are re-checked as <see cref="ClickedItem"/> says, and repeating one (a
/// double click, Slack's retry) changes nothing twice.
/// </summary>
public sealed class NotificationClaims(NotificationOutbox outbox, SignalCopies copies, ILogger<NotificationClaims> logger)
{
    public const string NotClaimable = "Claiming is for notifications posted in a channel.";

    public async Task ClaimAsync(SlackActionRequest request, long? itemId, CancellationToken ct)
    {
        if (await ClaimableAsync(request, itemId, ct) is not { } clicked)
        {
            return;
        }

        var signal = clicked.Item.SignalRowId!.Value;
        if (!await outbox.TryClaimAsync(clicked.Workspace, signal, clicked.UserId, ct))
        {
            var claimer = await outbox.ClaimerAsync(clicked.Workspace, signal, ct);
            await ClickedItem.TellAsync(request, clicked.Channel, clicked.UserId, claimer == clicked.UserId ? "You have claimed it already." : $"<@{claimer}> has claimed it.", ct);
            return;
        }

        await copies.ShowAsync(request.Context.Client, clicked.Workspace, [signal], new SignalEvent(clicked.UserId, SignalVerbs.Claimed), ct);
    }

    public async Task ReleaseAsync(SlackActionRequest request, long? itemId, CancellationToken ct)
    {
        if (await ClaimableAsync(request, itemId, ct) is not { } clicked)
        {
            return;
        }

        var signal = clicked.Item.SignalRowId!.Value;
        if (!await outbox.ReleaseAsync(clicked.Workspace, signal, clicked.UserId, ct))
        {
            var claimer = await outbox.ClaimerAsync(clicked.Workspace, signal, ct);
            await ClickedItem.TellAsync(request, clicked.Channel, clicked.UserId, claimer is null ? "Nobody has claimed it." : $"Only <@{claimer}>, who claimed it, can release it.", ct);
            return;
        }

        await copies.ShowAsync(request.Context.Client, clicked.Workspace, [signal], new SignalEvent(clicked.UserId, SignalVerbs.Released), ct);
    }

    // A DM has one reader and a test no signal: neither is claimed (the buttons are not shown there; a forged click is told).
    private async Task<ClickedItem?> ClaimableAsync(SlackActionRequest request, long? itemId, CancellationToken ct)
    {
        if (await ClickedItem.FindAsync(request, outbox, itemId, logger, ct) is not { } clicked)
        {
            return null;
        }

        if (ClickedItem.ReaderOf(clicked.Item) is not null || clicked.Item.SignalRowId is null)
        {
            await ClickedItem.TellAsync(request, clicked.Channel, clicked.UserId, NotClaimable, ct);
            return null;
        }

        return clicked;
    }
}
