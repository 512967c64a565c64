using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>"Show more" and "Back to the first" under the Home tab's workflows: publishes that page.</summary>
public sealed class HomePagingHandler(HomeTabPublisher publisher) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        // The offset comes back from Slack: only a plain non-negative number is taken, and the page is read in the request's workspace.
        var offset = IdValue.Read(request.Action) is { } value && value <= int.MaxValue ? (int)value : 0;
        var context = request.Context;
        await publisher.PublishAsync(context.Workspace(), context.RequiredUserId(), context.Client, offset, cancellationToken);
    }
}
