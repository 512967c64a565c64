using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;

namespace SlackApp.Explanations;

/// <summary>
/// <c>/usergems why SIGNAL_ID</c>: acks at once (the rights check already spent part of Slack's 3 s on
/// <c>users.info</c>), then reads the signal, its workflows and items and answers ephemerally through the
/// <c>response_url</c>.
/// </summary>
public sealed class WhyCommandHandler(SignalExplanations explanations) : ISlackHandler<SlackCommandRequest>
{
    public async Task HandleAsync(SlackCommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WhyCommandLine.SignalId(request.Payload.Text) is not { } signalId)
        {
            request.Ack(WhyCommandLine.Usage);
            return;
        }

        request.Ack();
        var context = request.Context;
        var explanation = await explanations.ExplainAsync(context.Workspace(), signalId, cancellationToken);
        await context.RespondAsync(ResponseUrlMessage.Ephemeral(SignalExplanationComposer.Compose(explanation)), cancellationToken);
    }
}
