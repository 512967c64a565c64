using SlackApp.Installations;
using SlackApp.Slack.WebApi;

namespace SlackApp.Workflows;

/// <summary>
/// Decides who may change a workspace's workflows and settings: admins and owners (<c>users.info</c>), the
/// installer, and listed managers. Registered per request scope, so <c>users.info</c> is asked once per request
/// and never cached longer (someone demoted is refused on their next click).
/// </summary>
public sealed class WorkflowPermissions(InstallationStore installations, WorkspaceSettingsRepository settings)
{
    private readonly Dictionary<(Workspace, string), WorkflowAccess> _cache = [];

    public async Task<WorkflowAccess> GetAsync(Workspace workspace, string userId, ISlackApiClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(client);
        if (_cache.TryGetValue((workspace, userId), out var cached))
        {
            return cached;
        }

        var status = await installations.GetStatusAsync(workspace, cancellationToken);
        var managers = await settings.ListManagersAsync(workspace, cancellationToken);
        var installer = status?.InstallerUserId;
        // The installer needs no users.info call: they are an admin of the app whatever their Slack role.
        var user = string.Equals(userId, installer, StringComparison.Ordinal) ? null : await FindUserAsync(client, userId, cancellationToken);
        var access = new WorkflowAccess(userId, Decide(userId, user, installer, managers), installer, managers);
        _cache[(workspace, userId)] = access;
        return access;
    }

    /// <summary>The rules, without I/O: admins, owners and the installer are admins; listed managers are managers.</summary>
    public static WorkflowRole Decide(string userId, User? user, string? installerUserId, IReadOnlyCollection<string> managers)
    {
        ArgumentNullException.ThrowIfNull(managers);
        if (string.Equals(userId, installerUserId, StringComparison.Ordinal))
        {
            return WorkflowRole.Admin;
        }

        // A deactivated account keeps its flags in users.info; it must not keep its rights.
        if (user is { Deleted: false } && string.Equals(user.Id, userId, StringComparison.Ordinal) && (user.IsAdmin || user.IsOwner || user.IsPrimaryOwner))
        {
            return WorkflowRole.Admin;
        }

        return managers.Contains(userId, StringComparer.Ordinal) && user is not { Deleted: true } ? WorkflowRole.Manager : WorkflowRole.Member;
    }

    private static async Task<User?> FindUserAsync(ISlackApiClient client, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.UsersInfoAsync(userId, cancellationToken)).User;
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "users_not_found")
        {
            return null;
        }
    }
}
