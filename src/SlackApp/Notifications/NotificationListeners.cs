using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>Where a notification's buttons meet Slack. Anyone who sees a notification may click them.</summary>
public static class NotificationListeners
{
    public static SlackAppBuilder AddNotificationListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack
            .Action<AcknowledgeButtonHandler>(NotificationActions.Acknowledge)
            .Action<ClaimButtonHandler>(NotificationActions.Claim)
            .Action<ClaimButtonHandler>(NotificationActions.Release)
            .Action<NotRelevantButtonHandler>(NotificationActions.NotRelevant)
            .View<NotRelevantSubmission>(NotRelevantModal.CallbackId)
            .Action<SnoozeButtonHandler>(NotificationActions.Snooze)
            .View<SnoozeSubmission>(SnoozeModal.CallbackId)
            .Action<LinkClickHandler>(NotificationActions.OpenInSalesforce)
            .Action<LinkClickHandler>(NotificationActions.ViewLinkedin)
            .Action<DigestItemMenuHandler>(NotificationActions.ItemMenu)
            .Action<AcknowledgeAllHandler>(NotificationActions.AcknowledgeAll)
            .AddWrongOwnerListeners();
    }
}
