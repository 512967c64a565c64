using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>Seeing the signal secret: workspace admins and owners and the installer.</summary>
public sealed class CanSeeSignalSecret(WorkflowPermissions permissions) : RightsGuard(permissions)
{
    protected override string What => "see the signal secret";

    protected override bool AdminsOnly => true;
}
