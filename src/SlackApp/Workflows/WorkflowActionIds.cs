namespace SlackApp.Workflows;

/// <summary>The action_ids of the workflow buttons in the <c>/usergems workflow list</c> message and the Home tab.</summary>
public static class WorkflowActionIds
{
    public const string New = "workflow.new";
    public const string Edit = "workflow.edit";
    public const string Pause = "workflow.pause";
    public const string Resume = "workflow.resume";
    public const string Delete = "workflow.delete";
    public const string Test = "workflow.test";

    /// <summary>The callback_id of the modal that confirms a delete chosen from the Home tab's overflow menu.</summary>
    public const string DeleteConfirmation = "workflow.delete_confirm";
}
