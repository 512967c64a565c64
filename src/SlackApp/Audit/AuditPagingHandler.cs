using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Audit;

/// <summary>"Newer" and "Older" under a page of the audit log: replaces the message with that page.</summary>
public sealed class AuditPagingHandler(AuditLog log) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        // The page comes back from Slack: only a plain number in range is taken, and it is read in the request's workspace.
        var page = IdValue.Read(request.Action) is { } value and >= 1 and <= AuditCommandLine.MaxPage ? (int)value : 1;
        var message = await AuditPages.ReadAsync(log, request.Context, page, cancellationToken);
        await request.Context.RespondAsync(ResponseUrlMessage.Replace(message), cancellationToken);
    }
}

/// <summary>Reads one page of the request's workspace's log and draws it.</summary>
internal static class AuditPages
{
    public static async Task<SlackApp.Slack.Blocks.Message> ReadAsync(AuditLog log, SlackContext context, int page, CancellationToken cancellationToken)
    {
        var teamId = context.TeamId ?? throw new InvalidOperationException("The Slack request names no workspace.");
        var entries = await log.ListPageAsync(teamId, (page - 1) * AuditComposer.PageSize, AuditComposer.PageSize, cancellationToken);
        return AuditComposer.Page(entries, page);
    }
}
