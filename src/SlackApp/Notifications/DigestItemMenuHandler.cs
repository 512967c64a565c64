using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>A digest line's "…" menu: Acknowledge that item, or a link (opened by the browser; the click is recorded).</summary>
public sealed class DigestItemMenuHandler(NotificationAcknowledgements acknowledgements) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var choice = DigestItemChoice.Read((request.Action as OverflowAction)?.SelectedOption?.Value);
        switch (choice?.ActionId)
        {
            case NotificationActions.Acknowledge:
                await acknowledgements.AcknowledgeAsync(request, choice.ItemId, cancellationToken);
                break;
            case NotificationActions.OpenInSalesforce or NotificationActions.ViewLinkedin:
                await acknowledgements.RecordClickAsync(request, choice.ActionId, choice.ItemId, cancellationToken);
                break;
            default:
                // Not a value the app wrote; the item menu offers nothing else.
                break;
        }
    }
}
