using SlackApp.Slack.Routing;

namespace SlackApp.Workflows;

/// <summary>
/// Told after a person changed the workspace's workflows, so what shows them (the Home tab) is drawn again.
/// Owned here and implemented above (Home), so Workflows never depends on Home.
/// </summary>
public interface IWorkflowChangeObserver
{
    Task WorkflowsChangedAsync(SlackContext context, CancellationToken cancellationToken);
}
