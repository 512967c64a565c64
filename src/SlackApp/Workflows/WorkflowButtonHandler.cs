using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// The workflow buttons (New, Edit, Pause, Resume, Delete, Send test) of the list message and the Home tab:
/// translates the button into a verb; a change made from the list message refreshes it in place, a problem is told
/// to the person alone, and so is news a redrawn Home tab would not show (a test sent to their DM).
/// </summary>
public sealed class WorkflowButtonHandler(WorkflowVerbs verbs) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        if (WorkflowVerbNames.FromActionId(request.Action.ActionId) is not { } verb)
        {
            return;
        }

        var id = IdValue.Read(request.Action);
        if (verb != WorkflowVerb.Create && id is null)
        {
            return;
        }

        var context = request.Context;
        var fromList = context.ResponseUrl is not null && request.Payload.Container?.Type == "message";
        var outcome = await verbs.CarryOutAsync(context, new WorkflowRequest(verb, id) { FromListMessage = fromList }, cancellationToken);
        if (!outcome.Done)
        {
            await UserNotice.SendAsync(context, outcome.Text ?? WorkflowVerbs.NotFound, cancellationToken);
        }
        else if (fromList && outcome.Text is { } text)
        {
            await context.RespondAsync(ResponseUrlMessage.Replace(await verbs.ListMessageAsync(context, text, cancellationToken)), cancellationToken);
        }
        else if (!fromList && outcome.TellEvenWhenRedrawn)
        {
            // The Home tab (a member's Send test button): it is redrawn after changes, but a sent test needs saying.
            await UserNotice.SendAsync(context, outcome.Text ?? WorkflowVerbs.NotFound, cancellationToken);
        }
    }
}
