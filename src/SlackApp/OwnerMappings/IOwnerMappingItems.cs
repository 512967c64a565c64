using SlackApp.Installations;
using SlackApp.Slack.WebApi;

namespace SlackApp.OwnerMappings;

/// <summary>
/// The notification items behind "Map this owner", owned here and implemented by Notifications (above), so owner
/// mapping reads an item's email from its stored signal without depending on Notifications.
/// </summary>
public interface IOwnerMappingItems
{
    /// <summary>The email item <paramref name="itemId"/> of this workspace (never another's) could not DM, or null.</summary>
    Task<string?> UnmatchedEmailAsync(Workspace workspace, long itemId, CancellationToken cancellationToken);

    /// <summary>After the item's email was mapped to <paramref name="userId"/>: sends that person the notification as a DM.</summary>
    Task RerouteAsync(Workspace workspace, long itemId, string userId, CancellationToken cancellationToken);
}
