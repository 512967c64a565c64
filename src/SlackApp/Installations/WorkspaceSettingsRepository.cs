using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using SlackApp.Audit;
using SlackApp.Data;

namespace SlackApp.Installations;

/// <summary>
/// Per-workspace settings, workflow managers and the signal secret (encrypted at rest). Reads go through the
/// <see cref="InstallationCache"/> when there is one; every write clears it. Every change made by a person is recorded
/// in the audit log in the write's own transaction (a person's own quiet hours are theirs, not the workspace's
/// configuration, so <see cref="PersonSettingsRepository"/> records nothing).
/// </summary>
public sealed class WorkspaceSettingsRepository(DbConnectionFactory connections, SecretProtector secrets, TimeProvider clock, InstallationCache? cache = null)
{
    public Task<WorkspaceSettings> GetAsync(Workspace workspace, CancellationToken cancellationToken) =>
        Cached("settings", workspace, ReadAsync, cancellationToken);

    private async Task<WorkspaceSettings> ReadAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, workspace, cancellationToken);
    }

    private static async Task<WorkspaceSettings> ReadAsync(DbConnection connection, DbTransaction? transaction, Workspace workspace, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<SettingsRow>(new CommandDefinition(
            """
            SELECT salesforce_base_url AS SalesforceBaseUrl, fallback_channel_id AS FallbackChannelId,
                   signal_secret_rotated_at AS SignalSecretRotatedAt, time_zone AS TimeZone, quiet_hours_json AS QuietHoursJson,
                   updated_at AS UpdatedAt, updated_by AS UpdatedBy
            FROM workspace_settings WHERE team_id = @TeamId
            """,
            new { workspace.TeamId },
            transaction,
            cancellationToken: cancellationToken));
        return row?.ToSettings() ?? new WorkspaceSettings();
    }

    /// <summary>Saves the Salesforce base URL and fallback channel; the other settings are kept.</summary>
    public async Task SaveAsync(Workspace workspace, string? salesforceBaseUrl, string? fallbackChannelId, string? updatedBy, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadAsync(connection, transaction, workspace, cancellationToken);
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.Upsert("workspace_settings", ["team_id"], ["salesforce_base_url", "fallback_channel_id", "updated_at", "updated_by"]),
            new { team_id = workspace.TeamId, salesforce_base_url = salesforceBaseUrl, fallback_channel_id = fallbackChannelId, updated_at = now, updated_by = updatedBy },
            transaction,
            cancellationToken: cancellationToken));
        var after = before with { SalesforceBaseUrl = salesforceBaseUrl, FallbackChannelId = fallbackChannelId };
        await RecordSettingsAsync(connection, transaction, workspace, before, after, updatedBy, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache?.Clear();
    }

    /// <summary>
    /// Saves what the settings modal holds: Salesforce base URL, fallback channel, time zone and quiet hours (with
    /// whether they hold channel posts). The signal secret and its rotation time are kept.
    /// </summary>
    public async Task SaveAsync(Workspace workspace, WorkspaceSettings settings, string? updatedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await ReadAsync(connection, transaction, workspace, cancellationToken);
        var now = clock.GetUtcNow();
        var timeZone = string.IsNullOrWhiteSpace(settings.TimeZone) ? null : settings.TimeZone;
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.Upsert("workspace_settings", ["team_id"], ["salesforce_base_url", "fallback_channel_id", "time_zone", "quiet_hours_json", "updated_at", "updated_by"]),
            new
            {
                team_id = workspace.TeamId,
                salesforce_base_url = settings.SalesforceBaseUrl,
                fallback_channel_id = settings.FallbackChannelId,
                time_zone = timeZone,
                quiet_hours_json = QuietHoursColumn.Write(settings.QuietHours, settings.QuietHoursHoldChannels),
                updated_at = now,
                updated_by = updatedBy,
            },
            transaction,
            cancellationToken: cancellationToken));
        var after = before with
        {
            SalesforceBaseUrl = settings.SalesforceBaseUrl,
            FallbackChannelId = settings.FallbackChannelId,
            TimeZone = timeZone,
            QuietHours = settings.QuietHours,
            QuietHoursHoldChannels = settings.QuietHoursHoldChannels,
        };
        await RecordSettingsAsync(connection, transaction, workspace, before, after, updatedBy, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache?.Clear();
    }

    // One entry per save that changed something, with exactly the fields it changed.
    private static async Task RecordSettingsAsync(
        DbConnection connection, DbTransaction transaction, Workspace workspace, WorkspaceSettings before, WorkspaceSettings after, string? actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changes = AuditChange.Between(WorkspaceSettingsAuditFields.Of(before), WorkspaceSettingsAuditFields.Of(after));
        if (changes.Count > 0)
        {
            await AuditLog.RecordAsync(connection, transaction, Entry(workspace, AuditAction.SettingsSaved, AuditSubject.Settings, actor, at, changes), cancellationToken);
        }
    }

    private static AuditEntry Entry(Workspace workspace, string action, string subject, string? actor, DateTimeOffset at, IReadOnlyList<AuditChange> changes) => new()
    {
        TeamId = workspace.TeamId,
        At = at,
        ActorUserId = actor,
        Action = action,
        SubjectKind = subject,
        Changes = changes,
    };

    /// <summary>The workspace's signal secret, or null when none was generated yet.</summary>
    public Task<string?> GetSignalSecretAsync(Workspace workspace, CancellationToken cancellationToken) =>
        Cached("secret", workspace, ReadSignalSecretAsync, cancellationToken);

    private async Task<string?> ReadSignalSecretAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT signal_secret_protected FROM workspace_settings WHERE team_id = @TeamId",
            new { workspace.TeamId },
            cancellationToken: cancellationToken));
        return secrets.UnprotectOrNull(stored);
    }

    /// <summary>
    /// Generates the signal secret on first install; an existing one is kept. Not an audit entry: nobody chose it, and
    /// the install is no change of configuration.
    /// </summary>
    public async Task<string> EnsureSignalSecretAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var existing = await GetSignalSecretAsync(workspace, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var secret = NewSecret();
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.InsertIfAbsent("workspace_settings", ["team_id"], ["updated_at"]),
            new { team_id = workspace.TeamId, updated_at = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        // Only the first writer sets it, so two concurrent installs agree on one secret.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workspace_settings SET signal_secret_protected = @Secret, signal_secret_rotated_at = @Now WHERE team_id = @TeamId AND signal_secret_protected IS NULL",
            new { workspace.TeamId, Secret = secrets.Protect(secret), Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        cache?.Clear();
        return (await GetSignalSecretAsync(workspace, cancellationToken))!;
    }

    /// <summary>
    /// Replaces the signal secret with <paramref name="secret"/> (seeded from configuration) or a new random one, and
    /// records that it was rotated (never the secret).
    /// </summary>
    public async Task<string> SetSignalSecretAsync(Workspace workspace, string? secret, string? updatedBy, CancellationToken cancellationToken)
    {
        secret ??= NewSecret();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.Upsert("workspace_settings", ["team_id"], ["signal_secret_protected", "signal_secret_rotated_at", "updated_at", "updated_by"]),
            new { team_id = workspace.TeamId, signal_secret_protected = secrets.Protect(secret), signal_secret_rotated_at = now, updated_at = now, updated_by = updatedBy },
            transaction,
            cancellationToken: cancellationToken));
        await AuditLog.RecordAsync(connection, transaction, Entry(workspace, AuditAction.SignalSecretRotated, AuditSubject.SignalSecret, updatedBy, now, []), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache?.Clear();
        return secret;
    }

    public Task<IReadOnlyList<string>> ListManagersAsync(Workspace workspace, CancellationToken cancellationToken) =>
        Cached("managers", workspace, ReadManagersAsync, cancellationToken);

    private async Task<IReadOnlyList<string>> ReadManagersAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var managers = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT user_id FROM workflow_managers WHERE team_id = @TeamId ORDER BY user_id",
            new { workspace.TeamId },
            cancellationToken: cancellationToken));
        // An array: a cached answer is shared, so nobody may change it.
        return [.. managers];
    }

    /// <summary>Replaces the workspace's list of workflow managers, recording the change made by <paramref name="changedBy"/>.</summary>
    public async Task SetManagersAsync(Workspace workspace, IReadOnlyCollection<string> userIds, string? changedBy, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT user_id FROM workflow_managers WHERE team_id = @TeamId", new { workspace.TeamId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workflow_managers WHERE team_id = @TeamId", new { workspace.TeamId }, transaction, cancellationToken: cancellationToken));
        var now = clock.GetUtcNow();
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO workflow_managers (team_id, user_id, added_at) VALUES (@TeamId, @UserId, @Now)",
                new { workspace.TeamId, UserId = userId, Now = now }, transaction, cancellationToken: cancellationToken));
        }

        var changes = AuditChange.Between(WorkspaceSettingsAuditFields.OfManagers(before), WorkspaceSettingsAuditFields.OfManagers(userIds));
        if (changes.Count > 0)
        {
            await AuditLog.RecordAsync(connection, transaction, Entry(workspace, AuditAction.ManagersSet, AuditSubject.Managers, changedBy, now, changes), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        cache?.Clear();
    }

    private Task<T> Cached<T>(string kind, Workspace workspace, Func<Workspace, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        cache is null ? read(workspace, cancellationToken) : cache.GetOrReadAsync(kind, workspace.TeamId, ct => read(workspace, ct), cancellationToken);

    private sealed record SettingsRow
    {
        public string? SalesforceBaseUrl { get; init; }
        public string? FallbackChannelId { get; init; }
        public DateTimeOffset? SignalSecretRotatedAt { get; init; }
        public string? TimeZone { get; init; }
        public string? QuietHoursJson { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }
        public string? UpdatedBy { get; init; }

        public WorkspaceSettings ToSettings()
        {
            var (hours, holdChannels) = QuietHoursColumn.Read(QuietHoursJson);
            return new WorkspaceSettings
            {
                SalesforceBaseUrl = SalesforceBaseUrl,
                FallbackChannelId = FallbackChannelId,
                SignalSecretRotatedAt = SignalSecretRotatedAt,
                TimeZone = TimeZone,
                QuietHours = hours,
                QuietHoursHoldChannels = holdChannels,
                UpdatedAt = UpdatedAt,
                UpdatedBy = UpdatedBy,
            };
        }
    }

    // 32 random bytes, hex: long enough for HMAC-SHA256, easy to paste into a signal source.
    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
