using SlackApp.Installations;
using SlackApp.OwnerMappings;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// "Map this owner" on a fallback copy (its value is the item id; the guard let only admins and managers through):
/// opens the mapping modal at once, then fills it with the email read from the item's stored signal, after checking
/// the item is this workspace's and carried by the message clicked.
/// </summary>
public sealed class MapOwnerButtonHandler(NotificationOutbox outbox, ILogger<MapOwnerButtonHandler> logger) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        // Opened before any read: the trigger_id expires 3 s after the click.
        if (await OpenedModal.OpenAsync(context, OpenedModal.Loading(OwnerMappingModal.Title), cancellationToken) is not { } opened)
        {
            return;
        }

        var workspace = context.Workspace();
        var (channel, ts) = ClickedItem.MessageOf(request.Payload);
        var target = IdValue.Read(request.Action) is { } id && channel is not null && ts is not null ? new ItemOfMessage(id, channel, ts) : null;
        // The same check as a submission's: this workspace's item, sent, and carried by the message clicked.
        var item = await ClickedItem.FromModalAsync(outbox, workspace, target, cancellationToken);
        var email = item is { IsTest: false } && item.ReadSignal() is { } signal ? item.UnmatchedEmail(signal) : null;
        if (item is null || email is null)
        {
            logger.LogWarning("Refused a Map this owner click in {Workspace} by {UserId}: its item does not match the message clicked", workspace, context.UserId);
            await opened.ShowNoticeAsync(ClickedItem.NotFoundText, cancellationToken);
            return;
        }

        await opened.ShowAsync(OwnerMappingModal.Build(email, new MappingOrigin(MappingOriginKind.Item, item.Id)), cancellationToken);
    }
}
