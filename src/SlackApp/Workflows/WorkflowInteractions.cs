using SlackApp.Installations;
using System.Globalization;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// The workflow buttons (New, Edit, Pause, Resume, Delete, Send test) of the list message and the Home tab, and
/// the submissions of the workflow modal and of the delete confirmation. Every one re-checks the person's rights.
/// </summary>
public static class WorkflowInteractions
{
    public static SlackAppBuilder AddWorkflowInteractions(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        slack.Action(WorkflowActionIds.New, async (request, ct) =>
        {
            request.Ack();
            await Changes(request).OpenEditorAsync(request.Context, workflow: null, ct);
        });

        slack.Action(WorkflowActionIds.Edit, async (request, ct) =>
        {
            request.Ack();
            if (IdOf(request.Action) is { } id)
            {
                await Changes(request).OpenEditorAsync(request.Context, id, ct);
            }
        });

        slack.Action(WorkflowActionIds.Pause, (request, ct) => ChangeFromListAsync(request, (changes, id) => changes.SetEnabledAsync(request.Context, id, enabled: false, ct), ct));
        slack.Action(WorkflowActionIds.Resume, (request, ct) => ChangeFromListAsync(request, (changes, id) => changes.SetEnabledAsync(request.Context, id, enabled: true, ct), ct));
        slack.Action(WorkflowActionIds.Delete, (request, ct) => ChangeFromListAsync(request, (changes, id) => changes.DeleteAsync(request.Context, id, ct), ct));

        slack.Action(WorkflowActionIds.Test, async (request, ct) =>
        {
            request.Ack();
            if (IdOf(request.Action) is { } id)
            {
                await Changes(request).SendTestAsync(request.Context, id, ct);
            }
        });

        slack.View(WorkflowModal.CallbackId, (request, ct) => request.Context.Services.GetRequiredService<WorkflowSubmission>().HandleAsync(request, ct));

        slack.View(WorkflowActionIds.DeleteConfirmation, async (request, ct) =>
        {
            var changes = request.Context.Services.GetRequiredService<WorkflowChanges>();
            var metadata = WorkflowModalMetadata.Parse(request.Payload.View.PrivateMetadata);
            if (metadata?.WorkflowId is not { } id)
            {
                request.AckWithUpdate(UserNotice.Modal(WorkflowChanges.NotFound));
                return;
            }

            // The rights check (users.info), the delete and the Home republish may outlast Slack's 3 s: close first.
            request.AckWithClear();
            var outcome = await changes.DeleteAsync(request.Context, id, ct);
            if (!outcome.Done)
            {
                await UserNotice.SendAsync(request.Context, outcome.Text, ct);
            }
        });

        return slack;
    }

    /// <summary>The modal that confirms deleting <paramref name="workflow"/> (an overflow menu cannot confirm one option alone).</summary>
    public static ModalView DeleteConfirmationModal(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return new ModalView(new PlainText("Delete workflow?"))
        {
            CallbackId = WorkflowActionIds.DeleteConfirmation,
            PrivateMetadata = new WorkflowModalMetadata(workflow.Id, workflow.Version).Serialize(),
            Submit = new PlainText("Delete"),
            Close = new PlainText("Keep it"),
            Blocks =
            [
                new SectionBlock { Text = UntrustedText.Markdown($"Delete *{UntrustedText.Mrkdwn(workflow.Name)}*? It will stop notifying anyone. This cannot be undone.\n{WorkflowSummary.Line(workflow)}") },
            ],
        };
    }

    // Acks, changes, then refreshes the list message in place, or explains a refusal without touching the list.
    private static async Task ChangeFromListAsync(SlackActionRequest request, Func<WorkflowChanges, long, Task<WorkflowChangeOutcome>> change, CancellationToken cancellationToken)
    {
        request.Ack();
        if (IdOf(request.Action) is not { } id)
        {
            return;
        }

        var context = request.Context;
        var outcome = await change(Changes(request), id);
        if (outcome.Done && context.ResponseUrl is not null && request.Payload.Container?.Type == "message")
        {
            var workflows = await context.Services.GetRequiredService<WorkflowRepository>().ListAsync(context.Workspace(), cancellationToken);
            await context.RespondAsync(ResponseUrlMessage.Replace(WorkflowListMessage.Build(workflows, outcome.Text)), cancellationToken);
        }
        else if (!outcome.Done)
        {
            await UserNotice.SendAsync(context, outcome.Text, cancellationToken);
        }
    }

    private static WorkflowChanges Changes(SlackActionRequest request) => request.Context.Services.GetRequiredService<WorkflowChanges>();

    private static long? IdOf(BlockAction action) =>
        action is ButtonAction { Value: { } value } && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
