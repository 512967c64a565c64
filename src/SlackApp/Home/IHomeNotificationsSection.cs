using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>
/// The "Recent notifications" part of the Home tab, drawn by the notifications feature (which registers its own
/// implementation) for the person whose tab it is; at most <see cref="HomeTabView.NotificationBlockBudget"/> of its
/// blocks are shown.
/// </summary>
public interface IHomeNotificationsSection
{
    /// <summary>
    /// The section as <paramref name="access"/>'s person may see it: admins and managers everything, members what
    /// reached them (their DMs and tests) and the channels they can see; <paramref name="client"/> (the bot's) tells which.
    /// </summary>
    Task<IReadOnlyList<Block>> BuildAsync(Workspace workspace, WorkflowAccess access, ISlackApiClient client, CancellationToken ct);
}
