using SlackApp.Slack.Routing;

namespace SlackApp.Workflows;

/// <summary>
/// Where the workflow surfaces meet Slack: the slash command, the list message's and Home tab's workflow buttons,
/// and the two modals. The verbs that change workflows are declared behind <see cref="CanChangeWorkflows"/>, so a
/// person without rights is refused before any form opens.
/// </summary>
public static class WorkflowListeners
{
    public static SlackAppBuilder AddWorkflowListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        var command = ListenerId.ExactIgnoringCase(WorkflowCommandLine.Command);
        return slack
            .Require<CanChangeWorkflows>(changes => changes
                .Command<WorkflowCommandHandler>(new CommandConstraints(command) { Text = WorkflowCommandLine.Naming(WorkflowVerbNames.Changing) })
                .Action<WorkflowButtonHandler>(Buttons(WorkflowVerbNames.Changing))
                .View<WorkflowSubmission>(WorkflowModal.CallbackId)
                .View<DeleteConfirmationSubmission>(DeleteConfirmationModal.CallbackId))
            // Listing, help, tests, and words the command does not know.
            .Command<WorkflowCommandHandler>(new CommandConstraints(command))
            .Action<WorkflowButtonHandler>(Buttons(WorkflowVerbNames.Open));
    }

    private static ListenerId Buttons(IReadOnlyList<WorkflowVerb> verbs) =>
        ListenerId.Where(
            actionId => WorkflowVerbNames.FromActionId(actionId) is { } verb && verbs.Contains(verb),
            string.Join('|', verbs.Select(v => v.ActionId())));
}
