using SlackApp.Slack.Routing;

namespace SlackApp.Audit;

/// <summary>
/// Who may read a workspace's audit log. Audit sits below the folder that knows rights (Workflows), so Workflows
/// implements this and <see cref="CanReadAuditLog"/> asks it.
/// </summary>
public interface IAuditLogReaders
{
    /// <summary>Null when the request's person may read its workspace's log; otherwise the refusal, naming who can (mrkdwn).</summary>
    Task<string?> RefusalAsync(SlackContext context, CancellationToken cancellationToken);
}
