using SlackApp.Workflows;

namespace SlackApp.OwnerMappings;

/// <summary>Mapping a CRM email to a Slack user, and removing a mapping: admins, the installer and workflow managers.</summary>
public sealed class CanMapOwners(WorkflowPermissions permissions) : RightsGuard(permissions)
{
    public const string Rights = "map owner emails to Slack users";

    protected override string What => Rights;
}
