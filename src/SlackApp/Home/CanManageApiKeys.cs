using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>Creating, listing and revoking admin API keys: workspace admins and owners and the installer.</summary>
public sealed class CanManageApiKeys(WorkflowPermissions permissions) : RightsGuard(permissions)
{
    protected override string What => "manage the admin API keys";

    // A key can change every workflow of the workspace, so it is an admin's to give, as the signal secret is.
    protected override bool AdminsOnly => true;
}
