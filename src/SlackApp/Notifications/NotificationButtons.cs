using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>The buttons of a notification: Acknowledge, and the link buttons whose clicks are recorded.</summary>
public static class NotificationButtons
{
    public static SlackAppBuilder AddNotificationButtons(this SlackAppBuilder slack)
    {
        slack.Action(NotificationActions.Acknowledge, async (request, ct) =>
        {
            request.Ack();
            await request.Context.Services.GetRequiredService<NotificationAcknowledgements>().AcknowledgeAsync(request, ct);
        });

        // URL buttons open their link in the browser and still send block_actions: ack at once, then record the click.
        foreach (var actionId in new[] { NotificationActions.OpenInSalesforce, NotificationActions.ViewLinkedin })
        {
            slack.Action(actionId, async (request, ct) =>
            {
                request.Ack();
                await request.Context.Services.GetRequiredService<NotificationAcknowledgements>().RecordClickAsync(request, ct);
            });
        }

        return slack;
    }
}
