using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// A guard declared on listeners that need rights: lets admins (and, unless <see cref="AdminsOnly"/>, workflow
/// managers) through, and answers everyone else first with who can, before any form is shown.
/// </summary>
public abstract class RightsGuard(WorkflowPermissions permissions) : ISlackGuard
{
    /// <summary>What the rights allow, as in "Sorry, you can't {What}".</summary>
    protected abstract string What { get; }

    protected virtual bool AdminsOnly => false;

    public async Task InvokeAsync(SlackRequest request, Func<Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        var context = request.Context;
        var access = await permissions.GetAsync(context.Workspace(), context.RequiredUserId(), context.Client, cancellationToken);
        if (AdminsOnly ? access.IsAdmin : access.CanChange)
        {
            await next();
            return;
        }

        await Refusal.SendAsync(request, access.Explanation(What, AdminsOnly), cancellationToken);
    }
}
