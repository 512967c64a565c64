using Dapper;
using SlackApp.Data;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Installations;

/// <summary>Installations in the database, tokens encrypted; the platform layer finds bot tokens here.</summary>
public sealed class InstallationStore(
    DbConnectionFactory connections,
    SecretProtector secrets,
    TimeProvider clock,
    SlackTokenRotator? rotator = null,
    ILogger<InstallationStore>? logger = null,
    InstallationCache? cache = null) : IInstallationStore
{
    // Same database, keys, clock and cache; the store gives each newly linked workspace of an org its signal secret.
    private readonly WorkspaceSettingsRepository _settings = new(connections, secrets, clock, cache);

    /// <summary>With token rotation on, a bot token this close to expiry is refreshed before it is handed out.</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromMinutes(10);

    private static readonly string[] Key = ["enterprise_id", "team_id"];

    private static readonly string[] Updated =
    [
        "enterprise_name", "team_name", "is_enterprise_install", "app_id", "bot_user_id", "bot_id",
        "bot_token_protected", "bot_refresh_token_protected", "bot_token_expires_at", "bot_scopes",
        "installer_user_id", "installed_at", "updated_at", "uninstalled_at",
    ];

    public async Task SaveAsync(Installation installation, CancellationToken cancellationToken)
    {
        var row = new
        {
            enterprise_id = installation.EnterpriseId ?? string.Empty,
            team_id = installation.IsEnterpriseInstall ? string.Empty : installation.TeamId ?? string.Empty,
            enterprise_name = installation.EnterpriseName,
            team_name = installation.TeamName,
            is_enterprise_install = installation.IsEnterpriseInstall,
            app_id = installation.AppId,
            bot_user_id = installation.BotUserId,
            bot_id = installation.BotId,
            bot_token_protected = secrets.Protect(installation.BotToken),
            bot_refresh_token_protected = secrets.ProtectOrNull(installation.BotRefreshToken),
            bot_token_expires_at = installation.BotTokenExpiresAt,
            bot_scopes = string.Join(',', installation.BotScopes),
            installer_user_id = installation.InstallerUserId,
            installed_at = installation.InstalledAt,
            updated_at = clock.GetUtcNow(),
            // A re-install brings an uninstalled workspace back.
            uninstalled_at = (DateTimeOffset?)null,
        };

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A workspace has one installation: when it moves into (or out of) a Grid org, its old row goes.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM installations WHERE team_id = @team_id AND team_id <> '' AND enterprise_id <> @enterprise_id",
            row, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(connections.Dialect.Upsert("installations", Key, Updated), row, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        cache?.Clear();
    }

    /// <summary>
    /// The live installation serving a workspace: its own, or else the org-wide installation of its Grid org. The org is
    /// the one <paramref name="enterpriseId"/> names or, when the caller knows only the team id (a signal, a queued
    /// notification), the one the team is linked to. A caller naming both must have them from Slack (a verified request,
    /// Slack's API): a team of an org with an org-wide installation is then linked to it, with its own signal secret.
    /// </summary>
    public async Task<Installation?> FindAsync(string? enterpriseId, string? teamId, bool isEnterpriseInstall, CancellationToken cancellationToken)
    {
        enterpriseId = NullIfEmpty(enterpriseId);
        teamId = NullIfEmpty(teamId);
        var installation = cache is null
            ? await ReadAsync(enterpriseId, teamId, isEnterpriseInstall, cancellationToken)
            : await cache.GetOrReadAsync("installation", $"{enterpriseId}|{teamId}|{isEnterpriseInstall}", ct => ReadAsync(enterpriseId, teamId, isEnterpriseInstall, ct), cancellationToken);
        // After the cache: a token near its expiry is refreshed however recently it was read.
        return installation is null ? null : await FreshAsync(installation, cancellationToken);
    }

    private async Task<Installation?> ReadAsync(string? enterpriseId, string? teamId, bool isEnterpriseInstall, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        InstallationRow? row = null;
        if (!isEnterpriseInstall && teamId is not null)
        {
            // Team ids are unique across Grid orgs: a workspace is found whether or not the caller knows its enterprise.
            row = await connection.QuerySingleOrDefaultAsync<InstallationRow>(new CommandDefinition(
                $"SELECT {InstallationRow.Columns("i")} FROM installations i WHERE i.team_id = @TeamId AND i.team_id <> '' AND i.uninstalled_at IS NULL",
                new { TeamId = teamId },
                cancellationToken: cancellationToken));
        }

        if (row is null && (enterpriseId ?? teamId) is not null)
        {
            row = await connection.QuerySingleOrDefaultAsync<InstallationRow>(new CommandDefinition(
                $"""
                SELECT {InstallationRow.Columns("i")}, l.enterprise_id AS LinkedEnterpriseId
                FROM installations i LEFT JOIN enterprise_teams l ON l.team_id = @TeamId
                WHERE i.team_id = '' AND i.uninstalled_at IS NULL AND i.enterprise_id = COALESCE(@EnterpriseId, l.enterprise_id)
                """,
                new { EnterpriseId = enterpriseId, TeamId = teamId ?? string.Empty },
                cancellationToken: cancellationToken));
            // Org-level events may name the enterprise itself where a team id goes: that is no workspace.
            if (row is not null && enterpriseId is not null && teamId is not null && teamId != enterpriseId && row.LinkedEnterpriseId != enterpriseId)
            {
                // First sight of this workspace of the org: from now on its team id alone finds the org's installation.
                await LinkAsync(enterpriseId, [new(teamId, null)], cancellationToken);
            }
        }

        return row?.ToInstallation(secrets);
    }

    /// <summary>
    /// Records that the workspaces <paramref name="teams"/> belong to Grid org <paramref name="enterpriseId"/> and are served by
    /// its org-wide installation (from <c>auth.teams.list</c>, <c>team_access_granted</c>, or a verified request). Each gets its
    /// own settings row and signal secret, kept if it has them already. A known name is kept when none is given.
    /// </summary>
    public async Task LinkAsync(string enterpriseId, IReadOnlyCollection<OrgTeam> teams, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);
        var now = clock.GetUtcNow();
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            foreach (var team in teams)
            {
                var sql = team.Name is null
                    ? connections.Dialect.Upsert("enterprise_teams", ["team_id"], ["enterprise_id", "linked_at"], ["team_name"])
                    : connections.Dialect.Upsert("enterprise_teams", ["team_id"], ["enterprise_id", "team_name", "linked_at"]);
                await connection.ExecuteAsync(new CommandDefinition(
                    sql, new { team_id = team.TeamId, enterprise_id = enterpriseId, team_name = team.Name, linked_at = now }, cancellationToken: cancellationToken));
            }
        }

        cache?.Clear();

        foreach (var team in teams)
        {
            // Signals are addressed and signed per workspace, so each workspace of the org has its own secret.
            await _settings.EnsureSignalSecretAsync(new Workspace(team.TeamId, enterpriseId), cancellationToken);
        }
    }

    /// <summary>The org's admins removed the app from these workspaces: their team ids no longer find the org's installation.</summary>
    public async Task UnlinkAsync(string enterpriseId, IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var teamId in teamIds)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM enterprise_teams WHERE enterprise_id = @EnterpriseId AND team_id = @TeamId",
                new { EnterpriseId = enterpriseId, TeamId = teamId },
                cancellationToken: cancellationToken));
        }

        cache?.Clear();
    }

    /// <summary>The workspaces linked to the org-wide installation of <paramref name="enterpriseId"/>, by team id.</summary>
    public async Task<IReadOnlyList<OrgTeam>> ListLinkedAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var teams = await connection.QueryAsync<OrgTeam>(new CommandDefinition(
            "SELECT team_id AS TeamId, team_name AS Name FROM enterprise_teams WHERE enterprise_id = @EnterpriseId ORDER BY team_id",
            new { EnterpriseId = enterpriseId },
            cancellationToken: cancellationToken));
        return teams.AsList();
    }

    private async Task<Installation> FreshAsync(Installation installation, CancellationToken cancellationToken)
    {
        if (rotator is null || !rotator.NeedsRefresh(installation, RefreshWindow))
        {
            return installation;
        }

        try
        {
            var refreshed = await rotator.RefreshIfExpiringAsync(installation, RefreshWindow, cancellationToken);
            await SaveAsync(refreshed, cancellationToken);
            return refreshed;
        }
        catch (SlackApiException e)
        {
            // The current token may still work until it expires; the next lookup tries again.
            logger?.LogWarning("Refreshing the bot token of team {TeamId} failed: {Error}", installation.TeamId, e.Error);
            return installation;
        }
    }

    public async Task DeleteAsync(string? enterpriseId, string? teamId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE installations
            SET bot_token_protected = NULL, bot_refresh_token_protected = NULL, bot_token_expires_at = NULL,
                uninstalled_at = COALESCE(uninstalled_at, @Now), updated_at = @Now
            WHERE enterprise_id = @EnterpriseId AND team_id = @TeamId
            """,
            new { EnterpriseId = enterpriseId ?? string.Empty, TeamId = teamId ?? string.Empty, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        cache?.Clear();
    }

    /// <summary>
    /// The installation record serving a workspace, live or uninstalled (tokens omitted when uninstalled): its own, or the
    /// org-wide installation of its Grid org (see <see cref="FindAsync"/>); a live one is preferred over an uninstalled one.
    /// </summary>
    public Task<InstallationStatus?> GetStatusAsync(Workspace workspace, CancellationToken cancellationToken) =>
        cache is null
            ? ReadStatusAsync(workspace, cancellationToken)
            : cache.GetOrReadAsync("status", $"{workspace.TeamId}|{workspace.EnterpriseId}", ct => ReadStatusAsync(workspace, ct), cancellationToken);

    private async Task<InstallationStatus?> ReadStatusAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var own = await connection.QuerySingleOrDefaultAsync<InstallationStatus>(new CommandDefinition(
            """
            SELECT team_id AS TeamId, enterprise_id AS EnterpriseId, team_name AS TeamName, installer_user_id AS InstallerUserId,
                   installed_at AS InstalledAt, uninstalled_at AS UninstalledAt, app_id AS AppId, bot_user_id AS BotUserId
            FROM installations WHERE team_id = @TeamId AND team_id <> ''
            """,
            // Slack team ids are unique across Enterprise Grid orgs, so a workspace of a Grid org is found
            // whether or not the caller knows its enterprise id (a signal source does not).
            new { workspace.TeamId },
            cancellationToken: cancellationToken));
        if (own is { UninstalledAt: null })
        {
            return Known(own);
        }

        var orgWide = await connection.QuerySingleOrDefaultAsync<InstallationStatus>(new CommandDefinition(
            """
            SELECT @TeamId AS TeamId, i.enterprise_id AS EnterpriseId, l.team_name AS TeamName, i.installer_user_id AS InstallerUserId,
                   i.installed_at AS InstalledAt, i.uninstalled_at AS UninstalledAt, i.app_id AS AppId, i.bot_user_id AS BotUserId,
                   i.is_enterprise_install AS IsOrgWide
            FROM installations i LEFT JOIN enterprise_teams l ON l.team_id = @TeamId
            WHERE i.team_id = '' AND i.enterprise_id = COALESCE(@EnterpriseId, l.enterprise_id)
            """,
            new { workspace.TeamId, EnterpriseId = NullIfEmpty(workspace.EnterpriseId) },
            cancellationToken: cancellationToken));
        return orgWide is { UninstalledAt: null } || own is null ? Known(orgWide) : Known(own);
    }

    // Dapper reads '' for a workspace outside any Grid org.
    private static InstallationStatus? Known(InstallationStatus? status) =>
        status is { EnterpriseId: "" } ? status with { EnterpriseId = null } : status;

    /// <summary>True while the workspace has the app installed; work for other workspaces is a no-op.</summary>
    public async Task<bool> IsInstalledAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var status = await GetStatusAsync(workspace, cancellationToken);
        return status is { UninstalledAt: null };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private sealed record InstallationRow
    {
        public static string Columns(string table) => string.Join(", ", new[]
        {
            "enterprise_id AS EnterpriseId", "team_id AS TeamId", "enterprise_name AS EnterpriseName", "team_name AS TeamName",
            "is_enterprise_install AS IsEnterpriseInstall", "app_id AS AppId", "bot_user_id AS BotUserId", "bot_id AS BotId",
            "bot_token_protected AS BotTokenProtected", "bot_refresh_token_protected AS BotRefreshTokenProtected",
            "bot_token_expires_at AS BotTokenExpiresAt", "bot_scopes AS BotScopes", "installer_user_id AS InstallerUserId",
            "installed_at AS InstalledAt",
        }.Select(column => $"{table}.{column}"));

        /// <summary>For an org-wide row: the org the asked team is linked to, if any.</summary>
        public string? LinkedEnterpriseId { get; init; }

        public string EnterpriseId { get; init; } = string.Empty;
        public string TeamId { get; init; } = string.Empty;
        public string? EnterpriseName { get; init; }
        public string? TeamName { get; init; }
        public bool IsEnterpriseInstall { get; init; }
        public string? AppId { get; init; }
        public string BotUserId { get; init; } = string.Empty;
        public string? BotId { get; init; }
        public string? BotTokenProtected { get; init; }
        public string? BotRefreshTokenProtected { get; init; }
        public DateTimeOffset? BotTokenExpiresAt { get; init; }
        public string BotScopes { get; init; } = string.Empty;
        public string? InstallerUserId { get; init; }
        public DateTimeOffset InstalledAt { get; init; }

        public Installation? ToInstallation(SecretProtector secrets) => BotTokenProtected is null ? null : new Installation
        {
            EnterpriseId = EnterpriseId.Length == 0 ? null : EnterpriseId,
            TeamId = TeamId.Length == 0 ? null : TeamId,
            EnterpriseName = EnterpriseName,
            TeamName = TeamName,
            IsEnterpriseInstall = IsEnterpriseInstall,
            AppId = AppId,
            BotUserId = BotUserId,
            BotId = BotId,
            BotToken = secrets.Unprotect(BotTokenProtected),
            BotRefreshToken = secrets.UnprotectOrNull(BotRefreshTokenProtected),
            BotTokenExpiresAt = BotTokenExpiresAt,
            BotScopes = BotScopes.Split(',', StringSplitOptions.RemoveEmptyEntries),
            InstallerUserId = InstallerUserId,
            InstalledAt = InstalledAt,
        };
    }
}
