using SlackApp.Installations;
using SlackApp.Slack.Blocks;

namespace SlackApp.Home;

/// <summary>
/// The "Recent notifications" part of the Home tab, drawn by the notifications feature (which registers its own
/// implementation); at most <see cref="HomeTabView.NotificationBlockBudget"/> of its blocks are shown.
/// </summary>
public interface IHomeNotificationsSection
{
    Task<IReadOnlyList<Block>> BuildAsync(Workspace workspace, bool isAdmin, CancellationToken ct);
}
