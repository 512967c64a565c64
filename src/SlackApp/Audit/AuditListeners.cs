using SlackApp.Slack.Routing;

namespace SlackApp.Audit;

/// <summary>
/// Where the audit log meets Slack: <c>/usergems audit</c> and its paging buttons, behind <see cref="CanReadAuditLog"/>.
/// Register before the workflow listeners, whose command listener takes every <c>/usergems</c> text left over.
/// </summary>
public static class AuditListeners
{
    /// <param name="slack">The app's listeners.</param>
    /// <param name="command">The product's slash command (<c>/usergems</c>), which Workflows owns.</param>
    public static SlackAppBuilder AddAuditListeners(this SlackAppBuilder slack, string command)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack.Require<CanReadAuditLog>(admins => admins
            .Command<AuditCommandHandler>(new CommandConstraints(ListenerId.ExactIgnoringCase(command)) { Text = AuditCommandLine.Text })
            .Action<AuditPagingHandler>(AuditActionIds.Newer)
            .Action<AuditPagingHandler>(AuditActionIds.Older));
    }
}
