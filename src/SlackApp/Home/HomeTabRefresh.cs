using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>
/// Redraws the acting person's Home tab after they changed workflows or settings. A failure is logged, never lost in
/// the change that caused it.
/// </summary>
public sealed class HomeTabRefresh(HomeTabPublisher publisher) : IWorkflowChangeObserver
{
    public async Task WorkflowsChangedAsync(SlackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await publisher.PublishAsync(context.Workspace(), context.RequiredUserId(), context.Client, 0, cancellationToken);
        }
        catch (SlackApiException e)
        {
            context.Logger.LogWarning(e, "Could not republish the Home tab of {UserId} in {TeamId}", context.UserId, context.TeamId);
        }
    }
}
