using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Audit;

/// <summary>The guard on <c>/usergems audit</c> and its paging buttons: admins only, re-checked on every click.</summary>
public sealed class CanReadAuditLog(IAuditLogReaders readers) : ISlackGuard
{
    public async Task InvokeAsync(SlackRequest request, Func<Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        if (await readers.RefusalAsync(request.Context, cancellationToken) is { } refusal)
        {
            await Refusal.SendAsync(request, refusal, cancellationToken);
            return;
        }

        await next();
    }
}
