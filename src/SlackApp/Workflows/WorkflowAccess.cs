namespace SlackApp.Workflows;

/// <summary>One person's role in a workspace, and who holds the rights they lack (to tell them whom to ask).</summary>
public sealed record WorkflowAccess(string UserId, WorkflowRole Role, string? InstallerUserId, IReadOnlyList<string> Managers)
{
    public bool CanChange => Role >= WorkflowRole.Manager;

    public bool IsAdmin => Role == WorkflowRole.Admin;

    /// <summary>Who may do <paramref name="what"/> (e.g. "change workflows"), as mrkdwn naming the installer and the managers.</summary>
    public string Explanation(string what, bool adminsOnly = false)
    {
        var installer = InstallerUserId is null ? "the person who installed the app" : $"the person who installed the app (<@{InstallerUserId}>)";
        if (adminsOnly)
        {
            return $"Sorry, you can't {what}. Only workspace admins and owners and {installer} can.";
        }

        var managers = Managers.Count == 0
            ? "workflow managers (none yet: an admin can name them under Settings on the app's Home tab)"
            : "workflow managers (" + string.Join(", ", Managers.Select(m => $"<@{m}>")) + ")";
        return $"Sorry, you can't {what}. Only workspace admins and owners, {installer}, and {managers} can. Everyone can list, view and test workflows.";
    }
}
