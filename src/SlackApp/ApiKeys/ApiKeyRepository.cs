using System.Data.Common;
using System.Globalization;
using Dapper;
using SlackApp.Audit;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.ApiKeys;

/// <summary>
/// A workspace's admin API keys: created (the plaintext returned once), listed, revoked, each change with its audit
/// entry in the same transaction; and found by key for the API's authentication. Every method but
/// <see cref="FindAsync"/> is scoped to the workspace it is given; that one finds the key's workspace.
/// </summary>
public sealed class ApiKeyRepository(DbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>How stale <see cref="ApiKey.LastUsedAt"/> may be: a busy key is not written on every request.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string Select =
        "SELECT id AS Id, team_id AS TeamId, name AS Name, key_prefix AS Prefix, created_by AS CreatedBy, created_at AS CreatedAt, " +
        "last_used_at AS LastUsedAt, revoked_at AS RevokedAt, revoked_by AS RevokedBy FROM api_keys";

    private static readonly string[] InsertColumns = ["team_id", "name", "key_hash", "key_prefix", "created_by", "created_at"];

    /// <summary>
    /// Makes a key named <paramref name="name"/> for the workspace, created by <paramref name="userId"/>; its plaintext
    /// is in the result and nowhere else. Throws <see cref="ArgumentException"/> for a name <see cref="ApiKey.NameProblem"/> refuses.
    /// </summary>
    public async Task<CreatedApiKey> CreateAsync(Workspace workspace, string name, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (ApiKey.NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        var plaintext = ApiKeySecret.New();
        var key = new ApiKey
        {
            TeamId = workspace.TeamId,
            Name = name.Trim(),
            Prefix = ApiKeySecret.Prefix(plaintext),
            CreatedBy = userId,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            connections.Dialect.InsertReturningId("api_keys", InsertColumns, "id"),
            new { team_id = key.TeamId, name = key.Name, key_hash = ApiKeySecret.Hash(plaintext), key_prefix = key.Prefix, created_by = key.CreatedBy, created_at = key.CreatedAt },
            transaction,
            cancellationToken: cancellationToken));
        key = key with { Id = id };
        await RecordAsync(connection, transaction, AuditAction.ApiKeyCreated, key, userId, key.CreatedAt, AuditChange.Created([new("Name", key.Name), new("Prefix", key.Prefix)]), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedApiKey(key, plaintext);
    }

    /// <summary>The workspace's keys, revoked ones included, newest first.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ApiKey>(new CommandDefinition(
            $"{Select} WHERE team_id = @TeamId ORDER BY id DESC", new { workspace.TeamId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// Revokes the workspace's key <paramref name="keyId"/> for good, by <paramref name="userId"/>; the next request made
    /// with it is refused. False when the workspace has no such key or it was revoked already.
    /// </summary>
    public async Task<bool> RevokeAsync(Workspace workspace, long keyId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var revoked = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @Now, revoked_by = @UserId WHERE id = @Id AND team_id = @TeamId AND revoked_at IS NULL",
            new { Id = keyId, workspace.TeamId, UserId = userId, Now = now },
            transaction,
            cancellationToken: cancellationToken));
        var key = await connection.QuerySingleOrDefaultAsync<ApiKey>(new CommandDefinition(
            $"{Select} WHERE id = @Id AND team_id = @TeamId", new { Id = keyId, workspace.TeamId }, transaction, cancellationToken: cancellationToken));
        if (revoked == 1 && key is not null)
        {
            await RecordAsync(connection, transaction, AuditAction.ApiKeyRevoked, key, userId, now, [AuditChange.Of("Status", "active", "revoked")], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return revoked == 1;
    }

    /// <summary>The key whose plaintext is <paramref name="plaintext"/>, revoked or not, in whichever workspace it is; null when none is.</summary>
    public async Task<ApiKey?> FindAsync(string plaintext, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.LooksLikeKey(plaintext))
        {
            return null;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ApiKey>(new CommandDefinition(
            $"{Select} WHERE key_hash = @Hash", new { Hash = ApiKeySecret.Hash(plaintext) }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Notes that <paramref name="key"/> was just used: written only when its last use is older than
    /// <see cref="LastUsedResolution"/> (the condition is in the statement too, for several instances at once).
    /// </summary>
    public async Task TouchAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = clock.GetUtcNow();
        if (key.LastUsedAt is { } last && now - last < LastUsedResolution)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET last_used_at = @Now WHERE id = @Id AND team_id = @TeamId AND (last_used_at IS NULL OR last_used_at <= @Before)",
            new { key.Id, key.TeamId, Now = now, Before = now - LastUsedResolution },
            cancellationToken: cancellationToken));
    }

    private static Task RecordAsync(
        DbConnection connection, DbTransaction transaction, string action, ApiKey key, string userId, DateTimeOffset at, IReadOnlyList<AuditChange> changes, CancellationToken cancellationToken) =>
        AuditLog.RecordAsync(connection, transaction, new AuditEntry
        {
            TeamId = key.TeamId,
            At = at,
            ActorUserId = userId,
            Action = action,
            SubjectKind = AuditSubject.ApiKey,
            SubjectId = key.Id.ToString(CultureInfo.InvariantCulture),
            SubjectName = key.Name,
            Changes = changes,
        }, cancellationToken);
}
