using System.Globalization;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// Handles clicks on a notification. The button's value (a delivery id) is never trusted: the delivery must belong
/// to the request's workspace and have been sent as the very message clicked (channel and ts).
/// </summary>
public sealed class NotificationAcknowledgements(NotificationOutbox outbox, WorkspaceSettingsRepository settings, ILogger<NotificationAcknowledgements> logger)
{
    public const string NotFoundText = "This notification could not be found.";

    /// <summary>Records the first acknowledgement and shows it in the message; later clicks learn who came first.</summary>
    public Task AcknowledgeAsync(SlackActionRequest request, CancellationToken ct) =>
        AcknowledgeAsync(request, IdValue.Read(request?.Action ?? throw new ArgumentNullException(nameof(request))), ct);

    /// <summary>As <see cref="AcknowledgeAsync(SlackActionRequest, CancellationToken)"/>, for item <paramref name="itemId"/> of the message clicked (a digest's line).</summary>
    public async Task AcknowledgeAsync(SlackActionRequest request, long? itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        if (context.TeamId is null || context.UserId is not { } userId)
        {
            return;
        }

        var workspace = context.Workspace();
        var (channel, ts) = MessageOf(request.Payload);
        var delivery = itemId is { } id ? await outbox.GetAsync(workspace, id, ct) : null;
        if (delivery is null || delivery.Status != DeliveryStatus.Sent || channel is null || delivery.SlackChannel != channel || delivery.SlackTs != ts)
        {
            logger.LogWarning("Refused an Acknowledge click in {Workspace} by {UserId}: its delivery does not match the message clicked", workspace, userId);
            await TellAsync(request, channel, userId, NotFoundText, ct);
            return;
        }

        if (!await outbox.TryAcknowledgeAsync(workspace, delivery.Id, userId, ct))
        {
            var first = (await outbox.GetAsync(workspace, delivery.Id, ct))?.AcknowledgedBy;
            await TellAsync(request, channel, userId, first is null ? "Already acknowledged." : $"Already acknowledged by <@{first}>.", ct);
            return;
        }

        await RedrawAsync(request, workspace, delivery, channel, ts!, ct);
    }

    /// <summary>"Acknowledge all" on a digest: every line not yet acknowledged is the clicker's; the message shows it.</summary>
    public async Task AcknowledgeAllAsync(SlackActionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        if (context.TeamId is null || context.UserId is not { } userId)
        {
            return;
        }

        var workspace = context.Workspace();
        var (channel, ts) = MessageOf(request.Payload);
        var items = channel is null || ts is null ? [] : await outbox.ItemsPostedAtAsync(workspace, channel, ts, ct);
        if (items.Count == 0 || items.Any(i => i.Status != DeliveryStatus.Sent))
        {
            logger.LogWarning("Refused an Acknowledge all click in {Workspace} by {UserId}: no sent message of the workspace there", workspace, userId);
            await TellAsync(request, channel, userId, NotFoundText, ct);
            return;
        }

        var counted = 0;
        foreach (var item in items.Where(i => i.AcknowledgedBy is null))
        {
            counted += await outbox.TryAcknowledgeAsync(workspace, item.Id, userId, ct) ? 1 : 0;
        }

        if (counted == 0)
        {
            await TellAsync(request, channel, userId, "Already acknowledged.", ct);
            return;
        }

        await RedrawAsync(request, workspace, items[0], channel!, ts!, ct);
    }

    // Draws the clicked message again as stored now: a digest with all its lines, or the one notification.
    private async Task RedrawAsync(SlackActionRequest request, Workspace workspace, OutboxDelivery clicked, string channel, string ts, CancellationToken ct)
    {
        var salesforce = (await settings.GetAsync(workspace, ct)).SalesforceBaseUrl;
        Message? message = null;
        if (clicked.MessageId is { } messageId)
        {
            var contents = (await outbox.ItemsOfAsync(workspace, messageId, ct)).Select(i => i.ToContent(salesforce)).OfType<NotificationContent>().ToList();
            message = contents.Count is > 0 and <= DigestComposer.MaxItems ? DigestComposer.Compose(new DigestContent(contents)) : null;
        }
        else if ((await outbox.GetAsync(workspace, clicked.Id, ct))?.ToContent(salesforce) is { } content)
        {
            message = NotificationComposer.Compose(content);
        }

        if (message is null)
        {
            return;
        }

        try
        {
            await request.Context.Client.ChatUpdateAsync(channel, ts, message, ct);
        }
        catch (SlackApiException e)
        {
            // The acknowledgement is stored either way; only its display failed.
            logger.LogWarning("Could not update acknowledged notification {DeliveryId} of {Workspace}: {Error}", clicked.Id, workspace, e.Error);
        }
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

    private static (string? Channel, string? Ts) MessageOf(BlockActionsPayload payload) =>
        (payload.Container?.ChannelId ?? payload.Channel?.Id, payload.Container?.MessageTs ?? payload.Message?.Ts);

    // Only the clicker sees it: through the response_url when Slack gave one, else chat.postEphemeral.
    private static async Task TellAsync(SlackActionRequest request, string? channel, string userId, string text, CancellationToken ct)
    {
        var message = new Message(text);
        if (request.Context.ResponseUrl is not null)
        {
            await request.Context.RespondAsync(ResponseUrlMessage.Ephemeral(message), ct);
        }
        else if (channel is not null)
        {
            await request.Context.Client.ChatPostEphemeralAsync(channel, userId, message, ct);
        }
    }
}
