using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// The item a click on a notification names, re-checked: it must be the request's workspace's, sent, and carried by
/// the very message clicked (channel and ts), whatever the button's value or the menu option says.
/// </summary>
public sealed record ClickedItem(Workspace Workspace, string UserId, OutboxDelivery Item, string Channel, string Ts)
{
    public const string NotFoundText = "This notification could not be found.";

    /// <summary>The checked item, or null after telling the clicker it could not be found.</summary>
    public static async Task<ClickedItem?> FindAsync(SlackActionRequest request, NotificationOutbox outbox, long? itemId, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outbox);
        var context = request.Context;
        if (context.TeamId is null || context.UserId is not { } userId)
        {
            return null;
        }

        var workspace = context.Workspace();
        var (channel, ts) = MessageOf(request.Payload);
        var item = itemId is { } id ? await outbox.GetAsync(workspace, id, ct) : null;
        if (item is null || item.Status != DeliveryStatus.Sent || channel is null || ts is null || item.SlackChannel != channel || item.SlackTs != ts)
        {
            logger.LogWarning("Refused a {ActionId} click in {Workspace} by {UserId}: its item does not match the message clicked", request.Action.ActionId, workspace, userId);
            await TellAsync(request, channel, userId, NotFoundText, ct);
            return null;
        }

        return new ClickedItem(workspace, userId, item, channel, ts);
    }

    /// <summary>
    /// Opens the modal <paramref name="build"/> makes for item <paramref name="itemId"/> of the message clicked, at once
    /// (the trigger_id lives 3 s, so nothing is read first; the submission re-checks everything).
    /// </summary>
    public static async Task OpenModalAsync(SlackActionRequest request, long? itemId, Func<ItemOfMessage, View> build, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(build);
        var (channel, ts) = MessageOf(request.Payload);
        if (itemId is { } id && channel is not null && ts is not null)
        {
            await OpenedModal.OpenAsync(request.Context, build(new ItemOfMessage(id, channel, ts)), ct);
        }
    }

    /// <summary>
    /// The item a submitted modal names (its private_metadata), re-checked against the verified workspace and the
    /// message; null after refusing the submission on <paramref name="errorBlock"/> when it is not found, or when the
    /// item is a DM (or a reminder) of someone other than the submitter.
    /// </summary>
    public static async Task<ClickedItem?> FromSubmissionAsync(SlackViewSubmissionRequest request, NotificationOutbox outbox, string errorBlock, string doing, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        var workspace = context.Workspace();
        var userId = context.RequiredUserId();
        var target = ItemOfMessage.Read(request.Payload.View.PrivateMetadata);
        if (await FromModalAsync(outbox, workspace, target, ct) is not { SignalRowId: not null } item)
        {
            logger.LogWarning("Refused a {Doing} submission in {Workspace} by {UserId}: its item does not match the message", doing, workspace, userId);
            request.AckWithErrors(new Dictionary<string, string> { [errorBlock] = NotFoundText });
            return null;
        }

        return new ClickedItem(workspace, userId, item, target!.Channel, target.Ts);
    }

    /// <summary>The item a modal opened from a message names, when it is the workspace's and still carried by that message.</summary>
    public static async Task<OutboxDelivery?> FromModalAsync(NotificationOutbox outbox, Workspace workspace, ItemOfMessage? target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var item = target is null ? null : await outbox.GetAsync(workspace, target.ItemId, ct);
        return item is not null && item.Status == DeliveryStatus.Sent && item.SlackChannel == target!.Channel && item.SlackTs == target.Ts ? item : null;
    }

    /// <summary>The one person a DM (or a reminder) is for; null for a channel post, which anyone in it may act on.</summary>
    public static string? ReaderOf(OutboxDelivery item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.RecipientKind is RecipientKind.User or RecipientKind.Reminder ? item.RecipientId : null;
    }

    /// <summary>The message clicked: its channel and ts.</summary>
    public static (string? Channel, string? Ts) MessageOf(BlockActionsPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return (payload.Container?.ChannelId ?? payload.Channel?.Id, payload.Container?.MessageTs ?? payload.Message?.Ts);
    }

    /// <summary>Only the clicker sees it: through the response_url when Slack gave one, else chat.postEphemeral.</summary>
    public static async Task TellAsync(SlackActionRequest request, string? channel, string userId, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
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
