namespace SlackApp.Notifications;

/// <summary>The action ids of a notification's buttons, shared by the composer and their handlers.</summary>
public static class NotificationActions
{
    public const string Acknowledge = "notification.acknowledge";
    public const string OpenInSalesforce = "notification.open_salesforce";
    public const string ViewLinkedin = "notification.view_linkedin";
    public const string ActionsBlockId = "notification.actions";
}
