using SlackApp.Slack.Routing;

namespace SlackApp.OwnerMappings;

/// <summary>Where the Home tab's owner mapping menus and the mapping modal meet Slack; all for admins and managers.</summary>
public static class OwnerMappingListeners
{
    public static SlackAppBuilder AddOwnerMappingListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack.Require<CanMapOwners>(mappers => mappers
            .Action<HomeMapMenuHandler>(OwnerMappingActionIds.HomeMap)
            .Action<HomeRemoveMenuHandler>(OwnerMappingActionIds.HomeRemove)
            .View<OwnerMappingSubmission>(OwnerMappingModal.CallbackId));
    }
}
