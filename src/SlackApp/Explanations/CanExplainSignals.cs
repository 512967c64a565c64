using SlackApp.Workflows;

namespace SlackApp.Explanations;

/// <summary>
/// Seeing why a signal did or did not produce a message: the people who can change workflows (admins, the installer,
/// workflow managers), since the answer shows every workflow and every recipient of the signal.
/// </summary>
public sealed class CanExplainSignals(WorkflowPermissions permissions) : RightsGuard(permissions)
{
    public const string Rights = "see why a signal did or did not produce a message";

    protected override string What => Rights;
}
