namespace SlackApp.Workflows;

/// <summary>One person's role in a workspace, and who holds the rights they lack (to tell them whom to ask).</summary>
public sealed record WorkflowAccess(string UserId, WorkflowRole Role, string? InstallerUserId, IReadOnlyList<string> Managers)
{
    public bool CanChange => Role >= WorkflowRole.Manager;

    public bool IsAdmin => Role == WorkflowRole.Admin;

    /// <summary>Who may do <paramref name="what"/> (e.g. "change workflows"), as mrkdwn naming the installer and the managers.</summary>
    public string Explanation(string what, bool adminsOnly = false)
    {
        if (adminsOnly)
        {
            return $"Sorry, you can't {what}. Only workspace admins and owners and {Installer} can.";
        }

        return $"Sorry, you can't {what}. Only {Changers} can. Everyone can list, view and test workflows.";
    }

    /// <summary>
    /// The line shown instead of the buttons a person may not use (list message, Home tab): what they can do, and
    /// whom to ask for the rest.
    /// </summary>
    public string WhoCanChange() => $"You can list and test workflows. To change them or the settings, ask {Changers}.";

    /// <summary>"Workflow managers: &lt;@U1&gt;, &lt;@U2&gt;" or that there are none yet, for the Home tab's status.</summary>
    public string ManagersLine() => Managers.Count == 0
        ? "Workflow managers: none yet (admins can name them under Settings)"
        : "Workflow managers: " + string.Join(", ", Managers.Select(m => $"<@{m}>"));

    private string Installer => InstallerUserId is null ? "the person who installed the app" : $"the person who installed the app (<@{InstallerUserId}>)";

    private string Changers
    {
        get
        {
            var managers = Managers.Count == 0
                ? "workflow managers (none yet: an admin can name them under Settings on the app's Home tab)"
                : "workflow managers (" + string.Join(", ", Managers.Select(m => $"<@{m}>")) + ")";
            return $"workspace admins and owners, {Installer}, and {managers}";
        }
    }
}
