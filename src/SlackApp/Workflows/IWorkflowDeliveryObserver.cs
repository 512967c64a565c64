using SlackApp.Installations;

namespace SlackApp.Workflows;

/// <summary>
/// Told after a workflow's delivery settings were saved changed, so the items it still holds go out under the new
/// ones (none lost, none sent twice). Owned here and implemented by Notifications, so Workflows never depends on it.
/// </summary>
public interface IWorkflowDeliveryObserver
{
    Task DeliveryChangedAsync(Workspace workspace, Workflow saved, CancellationToken cancellationToken);
}
