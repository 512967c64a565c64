using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// The <c>/usergems</c> slash command: translates the typed line into a verb and the outcome into an ephemeral
/// answer. Lists, help and unknown words are answered in the ack; anything that calls Slack acks first and answers
/// through the <c>response_url</c> (a modal opens with the trigger_id right away).
/// </summary>
public sealed class WorkflowCommandHandler(WorkflowVerbs verbs) : ISlackHandler<SlackCommandRequest>
{
    public async Task HandleAsync(SlackCommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        var line = WorkflowCommandLine.Parse(request.Payload.Text);
        if (line.Verb is not { } verb)
        {
            var hint = line.Suggestion is { } suggestion ? $"Did you mean `{suggestion}`? " : string.Empty;
            request.Ack($"{hint}I don't know `{UntrustedText.Mrkdwn(line.Unknown ?? string.Empty)}`.\n{WorkflowCommandLine.Usage}");
            return;
        }

        if (verb == WorkflowVerb.Help)
        {
            request.Ack(WorkflowCommandLine.Usage);
            return;
        }

        if (verb == WorkflowVerb.List)
        {
            // Drawn for the person who asked: only the buttons their rights allow.
            request.Ack(await verbs.ListMessageAsync(context, null, cancellationToken));
            return;
        }

        var workflowRequest = new WorkflowRequest(verb);
        if (verb != WorkflowVerb.Create)
        {
            if (WorkflowReference.Parse(line.Argument) is not { } reference)
            {
                request.Ack($"Which workflow? Try `/usergems workflow {verb.Word()} NAME` or `{verb.Word()} #ID`.");
                return;
            }

            if (await verbs.FindAsync(context, new WorkflowRequest(verb, Reference: reference), cancellationToken) is not { } workflow)
            {
                request.Ack(await verbs.NoSuchWorkflowAsync(context, reference, cancellationToken));
                return;
            }

            workflowRequest = workflowRequest with { WorkflowId = workflow.Id };
        }

        request.Ack();
        var outcome = await verbs.CarryOutAsync(context, workflowRequest, cancellationToken);
        if (outcome.Text is { } text)
        {
            await context.RespondAsync(text, cancellationToken);
        }
    }
}
