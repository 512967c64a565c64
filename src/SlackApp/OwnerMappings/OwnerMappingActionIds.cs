namespace SlackApp.OwnerMappings;

/// <summary>The action and callback ids of owner mapping, shared by the message, the Home tab and the modal.</summary>
public static class OwnerMappingActionIds
{
    /// <summary>"Map this owner" on a fallback copy; its value is the item id.</summary>
    public const string MapThisOwner = "notification.map_owner";

    /// <summary>The Home tab's menu of unmatched emails; an option's value is the unmatched email's row id.</summary>
    public const string HomeMap = "home.owner_map";

    /// <summary>The Home tab's menu of the latest mappings; an option's value is the mapping's row id.</summary>
    public const string HomeRemove = "home.owner_remove";
}
