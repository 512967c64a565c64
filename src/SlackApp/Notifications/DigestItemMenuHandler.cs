using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>A digest line's "…" menu: Acknowledge, Claim or Release that item, or a link (opened by the browser; the click is recorded).</summary>
public sealed class DigestItemMenuHandler(NotificationAcknowledgements acknowledgements, NotificationClaims claims) : ISlackHandler<SlackActionRequest>
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
            case NotificationActions.Claim:
                await claims.ClaimAsync(request, choice.ItemId, cancellationToken);
                break;
            case NotificationActions.NotRelevant:
                await NotRelevantMarks.OpenAsync(request, choice.ItemId, cancellationToken);
                break;
            case NotificationActions.Snooze:
                await Snoozes.OpenAsync(request, choice.ItemId, cancellationToken);
                break;
            case NotificationActions.WrongOwner:
                await WrongOwners.OpenAsync(request, choice.ItemId, cancellationToken);
                break;
            case NotificationActions.Release:
                await claims.ReleaseAsync(request, choice.ItemId, cancellationToken);
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
