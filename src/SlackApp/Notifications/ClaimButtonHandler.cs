using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>A channel post's Claim and Release buttons (their value is the item id).</summary>
public sealed class ClaimButtonHandler(NotificationClaims claims) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var itemId = IdValue.Read(request.Action);
        if (request.Action.ActionId == NotificationActions.Release)
        {
            await claims.ReleaseAsync(request, itemId, cancellationToken);
        }
        else
        {
            await claims.ClaimAsync(request, itemId, cancellationToken);
        }
    }
}
