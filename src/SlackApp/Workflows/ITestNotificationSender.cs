using SlackApp.Installations;

namespace SlackApp.Workflows;

/// <summary>
/// Sends a sample notification of a workflow to the person who asked ("Send test"). The
/// notifications feature implements it.
/// </summary>
public interface ITestNotificationSender
{
    Task SendAsync(Workspace workspace, Workflow workflow, string userId, CancellationToken ct);
}
