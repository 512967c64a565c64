using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// The submitted delete confirmation: closes the modal at once (the delete and the Home redraw may outlast Slack's
/// 3 s), deletes, then answers where the delete started: the list message is refreshed in place, a command gets an
/// ephemeral line; a problem is told to the person alone.
/// </summary>
public sealed class DeleteConfirmationSubmission(WorkflowVerbs verbs, ISlackResponseUrlClient responseUrls) : ISlackHandler<SlackViewSubmissionRequest>
{
    public async Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (DeleteConfirmationModal.Read(request.Payload.View.PrivateMetadata) is not { } metadata)
        {
            request.AckWithUpdate(UserNotice.Modal(WorkflowVerbs.NotFound));
            return;
        }

        request.AckWithClear();
        var context = request.Context;
        var outcome = await verbs.DeleteAsync(context, metadata.WorkflowId, cancellationToken);
        if (metadata.ResponseUrl is not { } responseUrl)
        {
            if (!outcome.Done)
            {
                await UserNotice.SendAsync(context, outcome.Text ?? WorkflowVerbs.NotFound, cancellationToken);
            }

            return;
        }

        var text = outcome.Text ?? WorkflowVerbs.NotFound;
        var reply = metadata.RefreshList && outcome.Done
            ? ResponseUrlMessage.Replace(await verbs.ListMessageAsync(context, text, cancellationToken))
            : ResponseUrlMessage.Ephemeral(new Message(text));
        await responseUrls.SendAsync(responseUrl, reply, cancellationToken);
    }
}
