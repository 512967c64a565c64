using SlackApp.Audit;
using SlackApp.Installations;
using SlackApp.Slack.Routing;

namespace SlackApp.Workflows;

/// <summary>The audit log's readers: workspace admins and owners and the installer, as for the signal secret.</summary>
public sealed class AuditLogReaders(WorkflowPermissions permissions) : IAuditLogReaders
{
    public const string Rights = "see the audit log";

    public async Task<string?> RefusalAsync(SlackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await permissions.GetAsync(context.Workspace(), context.RequiredUserId(), context.Client, cancellationToken);
        return access.IsAdmin ? null : access.Explanation(Rights, adminsOnly: true);
    }
}
