using System.Globalization;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// Acknowledgements and link clicks on notifications. The button's value (an item id) is never trusted: the item
/// must belong to the request's workspace and have been sent as the very message clicked (<see cref="ClickedItem"/>).
/// An acknowledgement belongs to the signal: every copy of it (a DM, a channel post, a digest line) shows it.
/// </summary>
public sealed class NotificationAcknowledgements(NotificationOutbox outbox, SignalCopies copies, ILogger<NotificationAcknowledgements> logger)
{
    /// <summary>Records the first acknowledgement and shows it in the message; later clicks learn who came first.</summary>
    public Task AcknowledgeAsync(SlackActionRequest request, CancellationToken ct) =>
        AcknowledgeAsync(request, IdValue.Read(request?.Action ?? throw new ArgumentNullException(nameof(request))), ct);

    /// <summary>As <see cref="AcknowledgeAsync(SlackActionRequest, CancellationToken)"/>, for item <paramref name="itemId"/> of the message clicked (a digest's line).</summary>
    public async Task AcknowledgeAsync(SlackActionRequest request, long? itemId, CancellationToken ct)
    {
        if (await ClickedItem.FindAsync(request, outbox, itemId, logger, ct) is not { } clicked)
        {
            return;
        }

        var (workspace, userId, item) = (clicked.Workspace, clicked.UserId, clicked.Item);
        if (!await outbox.TryAcknowledgeAsync(workspace, item.Id, userId, ct))
        {
            var first = (await outbox.GetAsync(workspace, item.Id, ct))?.AcknowledgedBy;
            await ClickedItem.TellAsync(request, clicked.Channel, userId, first is null ? "Already acknowledged." : $"Already acknowledged by <@{first}>.", ct);
            return;
        }

        if (item.SignalRowId is { } signal)
        {
            await outbox.AcknowledgeCopiesAsync(workspace, signal, userId, ct);
            await copies.ShowAsync(request.Context.Client, workspace, [signal], new SignalEvent(userId, SignalVerbs.Acknowledged), ct);
        }
        else
        {
            // A test notification: no signal, no other copies, no thread to tell.
            await copies.RedrawAsync(request.Context.Client, workspace, item, clicked.Channel, clicked.Ts, ct);
        }
    }

    /// <summary>"Acknowledge all" on a digest: every line not yet acknowledged is the clicker's; every copy shows it.</summary>
    public async Task AcknowledgeAllAsync(SlackActionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        if (context.TeamId is null || context.UserId is not { } userId)
        {
            return;
        }

        var workspace = context.Workspace();
        var (channel, ts) = ClickedItem.MessageOf(request.Payload);
        var items = channel is null || ts is null ? [] : await outbox.ItemsPostedAtAsync(workspace, channel, ts, ct);
        if (items.Count == 0 || items.Any(i => i.Status != DeliveryStatus.Sent))
        {
            logger.LogWarning("Refused an Acknowledge all click in {Workspace} by {UserId}: no sent message of the workspace there", workspace, userId);
            await ClickedItem.TellAsync(request, channel, userId, ClickedItem.NotFoundText, ct);
            return;
        }

        // One statement per signal: it takes this line and every other copy still unacknowledged.
        var signals = new List<long>();
        foreach (var signal in items.Where(i => i.AcknowledgedBy is null).Select(i => i.SignalRowId).OfType<long>().Distinct())
        {
            if (await outbox.AcknowledgeCopiesAsync(workspace, signal, userId, ct) > 0)
            {
                signals.Add(signal);
            }
        }

        if (signals.Count == 0)
        {
            await ClickedItem.TellAsync(request, channel, userId, "Already acknowledged.", ct);
            return;
        }

        await copies.ShowAsync(context.Client, workspace, signals, new SignalEvent(userId, SignalVerbs.Acknowledged), ct);
    }

    /// <summary>Records a click on Open in Salesforce or View LinkedIn, when its delivery is the workspace's.</summary>
    public Task RecordClickAsync(SlackActionRequest request, CancellationToken ct) =>
        RecordClickAsync(request, request?.Action.ActionId ?? throw new ArgumentNullException(nameof(request)), IdValue.Read(request.Action), ct);

    /// <summary>Records a click on link <paramref name="actionId"/> of item <paramref name="itemId"/>, when the item is the workspace's.</summary>
    public async Task RecordClickAsync(SlackActionRequest request, string actionId, long? itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Context.TeamId is null || request.Context.UserId is not { } userId || itemId is not { } id)
        {
            return;
        }

        var workspace = request.Context.Workspace();
        if (await outbox.GetAsync(workspace, id, ct) is null)
        {
            logger.LogWarning("Ignored a {ActionId} click in {Workspace}: no such delivery", actionId, workspace);
            return;
        }

        await outbox.RecordClickAsync(workspace, id, actionId, userId, ct);
    }
}
