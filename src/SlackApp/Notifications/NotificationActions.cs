namespace SlackApp.Notifications;

/// <summary>The action ids of a notification's buttons, shared by the composer and their handlers.</summary>
public static class NotificationActions
{
    public const string Acknowledge = "notification.acknowledge";
    public const string OpenInSalesforce = "notification.open_salesforce";
    public const string ViewLinkedin = "notification.view_linkedin";

    /// <summary>A channel post's "Claim": the clicker takes the signal; its value is the item id.</summary>
    public const string Claim = "notification.claim";

    /// <summary>"Not relevant": opens <see cref="NotRelevantModal"/> for the item (its value).</summary>
    public const string NotRelevant = "notification.not_relevant";

    /// <summary>"Snooze…": opens <see cref="SnoozeModal"/> for the item (its value).</summary>
    public const string Snooze = "notification.snooze";

    /// <summary>"Wrong owner" on a DM sent for an account role: opens <see cref="WrongOwnerModal"/> for the item (its value).</summary>
    public const string WrongOwner = "notification.wrong_owner";

    /// <summary>"Release" on a claimed channel post: the claimer gives the signal back.</summary>
    public const string Release = "notification.release";
    public const string ActionsBlockId = "notification.actions";

    /// <summary>A digest item's "…" menu: its options' values are <see cref="DigestItemChoice"/>s.</summary>
    public const string ItemMenu = "notification.item_menu";

    /// <summary>A digest's "Acknowledge all" button; its value is the message's first item.</summary>
    public const string AcknowledgeAll = "notification.acknowledge_all";
}
