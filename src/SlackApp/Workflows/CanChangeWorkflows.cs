namespace SlackApp.Workflows;

/// <summary>Creating, editing, pausing, resuming and deleting workflows: admins, the installer and workflow managers.</summary>
public sealed class CanChangeWorkflows(WorkflowPermissions permissions) : RightsGuard(permissions)
{
    public const string Rights = "create, edit, pause or delete workflows";

    protected override string What => Rights;
}
