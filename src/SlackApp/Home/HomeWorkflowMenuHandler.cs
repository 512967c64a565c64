using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>
/// A workflow's overflow menu on the Home tab: translates the chosen option into a verb; a change redraws the Home
/// tab (through the workflows' change observer); a problem, or news the redraw does not show, is told to the person alone.
/// </summary>
public sealed class HomeWorkflowMenuHandler(WorkflowVerbs verbs) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        if (HomeMenuChoice.Parse((request.Action as OverflowAction)?.SelectedOption?.Value) is not { } choice)
        {
            return;
        }

        var outcome = await verbs.CarryOutAsync(request.Context, new WorkflowRequest(choice.Verb, choice.WorkflowId), cancellationToken);
        // The Home tab is redrawn after a change; a problem, a sent test or "already paused" still needs saying.
        if (outcome.TellEvenWhenRedrawn)
        {
            await UserNotice.SendAsync(request.Context, outcome.Text ?? WorkflowVerbs.NotFound, cancellationToken);
        }
    }
}
