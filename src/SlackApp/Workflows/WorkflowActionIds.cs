namespace SlackApp.Workflows;

/// <summary>
/// The action_ids of the workflow buttons in the <c>/usergems workflow list</c> message and the Home tab: the
/// prefix and the verb's word (<see cref="WorkflowVerbNames.ActionId"/>), spelled out for attributes and tests.
/// </summary>
public static class WorkflowActionIds
{
    public const string Prefix = "workflow.";
    public const string New = Prefix + "new";
    public const string Edit = Prefix + "edit";
    public const string Pause = Prefix + "pause";
    public const string Resume = Prefix + "resume";
    public const string Delete = Prefix + "delete";
    public const string Test = Prefix + "test";

    /// <summary>The workflow modal's "Preview" button: what the draft would have sent over the last 30 days.</summary>
    public const string Preview = Prefix + "preview";

    /// <summary>The callback_id of the modal that confirms a delete, wherever it started.</summary>
    public const string DeleteConfirmation = "workflow.delete_confirm";
}
