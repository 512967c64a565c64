using SlackApp.OwnerMappings;
using SlackApp.Slack.Routing;

namespace SlackApp.Notifications;

/// <summary>Where a fallback copy's "Map this owner" meets Slack: for admins and managers (a refusal names who can).</summary>
public static class MapOwnerListeners
{
    public static SlackAppBuilder AddMapOwnerListener(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack.Require<CanMapOwners>(mappers => mappers.Action<MapOwnerButtonHandler>(OwnerMappingActionIds.MapThisOwner));
    }
}
