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
    ILogger<InstallationStore>? logger = null) : IInstallationStore
{
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
    }

    public async Task<Installation?> FindAsync(string? enterpriseId, string? teamId, bool isEnterpriseInstall, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstallationRow>(new CommandDefinition(
            isEnterpriseInstall
                ? $"SELECT {InstallationRow.Columns} FROM installations WHERE enterprise_id = @EnterpriseId AND team_id = '' AND uninstalled_at IS NULL"
                // Team ids are unique across Grid orgs: a workspace is found whether or not the caller knows its enterprise.
                : $"SELECT {InstallationRow.Columns} FROM installations WHERE team_id = @TeamId AND team_id <> '' AND uninstalled_at IS NULL",
            new { EnterpriseId = enterpriseId ?? string.Empty, TeamId = teamId ?? string.Empty },
            cancellationToken: cancellationToken));

        if (row is null && !isEnterpriseInstall && enterpriseId is not null && teamId is not null)
        {
            // A workspace of a Grid org may be served by the org-wide installation.
            return await FindAsync(enterpriseId, null, isEnterpriseInstall: true, cancellationToken);
        }

        return row?.ToInstallation(secrets) is { } installation ? await FreshAsync(installation, cancellationToken) : null;
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
    }

    /// <summary>The installation record of a workspace, live or uninstalled (tokens omitted when uninstalled).</summary>
    public async Task<InstallationStatus?> GetStatusAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InstallationStatus>(new CommandDefinition(
            """
            SELECT team_id AS TeamId, team_name AS TeamName, installer_user_id AS InstallerUserId,
                   installed_at AS InstalledAt, uninstalled_at AS UninstalledAt, app_id AS AppId, bot_user_id AS BotUserId
            FROM installations WHERE team_id = @TeamId
            """,
            // Slack team ids are unique across Enterprise Grid orgs, so a workspace of a Grid org is found
            // whether or not the caller knows its enterprise id (a signal source does not).
            new { workspace.TeamId },
            cancellationToken: cancellationToken));
    }

    /// <summary>True while the workspace has the app installed; work for other workspaces is a no-op.</summary>
    public async Task<bool> IsInstalledAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var status = await GetStatusAsync(workspace, cancellationToken);
        return status is { UninstalledAt: null };
    }

    private sealed record InstallationRow
    {
        public const string Columns =
            "enterprise_id AS EnterpriseId, team_id AS TeamId, enterprise_name AS EnterpriseName, team_name AS TeamName, " +
            "is_enterprise_install AS IsEnterpriseInstall, app_id AS AppId, bot_user_id AS BotUserId, bot_id AS BotId, " +
            "bot_token_protected AS BotTokenProtected, bot_refresh_token_protected AS BotRefreshTokenProtected, " +
            "bot_token_expires_at AS BotTokenExpiresAt, bot_scopes AS BotScopes, installer_user_id AS InstallerUserId, " +
            "installed_at AS InstalledAt";

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
