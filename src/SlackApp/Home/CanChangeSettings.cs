using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>Opening and saving the settings: admins, the installer and workflow managers.</summary>
public sealed class CanChangeSettings(WorkflowPermissions permissions) : RightsGuard(permissions)
{
    protected override string What => "change the settings";
}
