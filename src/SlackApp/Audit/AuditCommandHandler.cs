using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;

namespace SlackApp.Audit;

/// <summary>
/// <c>/usergems audit [PAGE]</c>: acks at once (the rights check already spent part of Slack's 3 s), then answers with
/// that page of the workspace's log, ephemerally through the <c>response_url</c>.
/// </summary>
public sealed class AuditCommandHandler(AuditLog log) : ISlackHandler<SlackCommandRequest>
{
    public async Task HandleAsync(SlackCommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AuditCommandLine.Page(request.Payload.Text) is not { } page)
        {
            request.Ack(AuditCommandLine.Usage);
            return;
        }

        request.Ack();
        var message = await AuditPages.ReadAsync(log, request.Context, page, cancellationToken);
        await request.Context.RespondAsync(ResponseUrlMessage.Ephemeral(message), cancellationToken);
    }
}
