using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>Rotating the signal secret: workspace admins and owners and the installer.</summary>
public sealed class CanRotateSignalSecret(WorkflowPermissions permissions) : RightsGuard(permissions)
{
    protected override string What => "rotate the signal secret";

    protected override bool AdminsOnly => true;
}
