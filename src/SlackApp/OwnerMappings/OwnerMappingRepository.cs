using System.Data.Common;
using Dapper;
using SlackApp.Audit;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.OwnerMappings;

/// <summary>
/// Owner mappings (a CRM email to a Slack user, set by an admin or manager) and the role emails Slack did not know,
/// counted once per signal. Emails are compared trimmed and lower-case (<see cref="Normalize"/>).
/// </summary>
public sealed class OwnerMappingRepository(DbConnectionFactory connections, TimeProvider clock)
{
    private const string MappingColumns =
        "id AS Id, team_id AS TeamId, email AS Email, slack_user_id AS SlackUserId, mapped_by AS MappedBy, mapped_at AS MappedAt";

    private const string UnmatchedColumns =
        "id AS Id, team_id AS TeamId, email AS Email, role AS Role, signal_count AS Count, first_seen AS FirstSeen, last_seen AS LastSeen";

    /// <summary>The form emails are stored and compared in.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>The mapping of <paramref name="email"/> in the workspace, or null.</summary>
    public async Task<OwnerMapping?> FindAsync(Workspace workspace, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OwnerMapping>(new CommandDefinition(
            $"SELECT {MappingColumns} FROM owner_mappings WHERE team_id = @TeamId AND email = @Email",
            new { workspace.TeamId, Email = Normalize(email) },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Maps <paramref name="email"/> to <paramref name="slackUserId"/> (replacing an earlier mapping) and drops it from
    /// the unmatched emails, in one transaction.
    /// </summary>
    public async Task SaveAsync(Workspace workspace, string email, string slackUserId, string mappedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(slackUserId);
        var normalized = Normalize(email);
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT slack_user_id FROM owner_mappings WHERE team_id = @TeamId AND email = @Email",
            new { workspace.TeamId, Email = normalized },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.Upsert("owner_mappings", ["team_id", "email"], ["slack_user_id", "mapped_by", "mapped_at"]),
            new { team_id = workspace.TeamId, email = normalized, slack_user_id = slackUserId, mapped_by = mappedBy, mapped_at = now },
            transaction,
            cancellationToken: cancellationToken));
        if (before != slackUserId)
        {
            await AuditLog.RecordAsync(connection, transaction, Entry(workspace, AuditAction.OwnerMappingSet, normalized, mappedBy, now, before, slackUserId), cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM unmatched_owner_emails WHERE team_id = @TeamId AND email = @Email",
            new { workspace.TeamId, Email = normalized },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes the mapping <paramref name="id"/> of this workspace; returns it, or null when there was none.</summary>
    public async Task<OwnerMapping?> RemoveAsync(Workspace workspace, long id, string removedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var mapping = await connection.QuerySingleOrDefaultAsync<OwnerMapping>(new CommandDefinition(
            $"SELECT {MappingColumns} FROM owner_mappings WHERE team_id = @TeamId AND id = @Id",
            new { workspace.TeamId, Id = id },
            transaction,
            cancellationToken: cancellationToken));
        if (mapping is null)
        {
            return null;
        }

        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM owner_mappings WHERE team_id = @TeamId AND id = @Id",
            new { workspace.TeamId, Id = id },
            transaction,
            cancellationToken: cancellationToken));
        if (removed == 0)
        {
            return null;
        }

        await AuditLog.RecordAsync(connection, transaction, Entry(workspace, AuditAction.OwnerMappingRemoved, mapping.Email, removedBy, clock.GetUtcNow(), mapping.SlackUserId, null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return mapping;
    }

    // The Slack user as a mention, so the log shows the person; the email is the subject.
    private static AuditEntry Entry(Workspace workspace, string action, string email, string actor, DateTimeOffset at, string? before, string? after) => new()
    {
        TeamId = workspace.TeamId,
        At = at,
        ActorUserId = actor,
        Action = action,
        SubjectKind = AuditSubject.OwnerMapping,
        SubjectName = email,
        Changes = [AuditChange.Of("Slack user", before is null ? null : $"<@{before}>", after is null ? null : $"<@{after}>")],
    };

    public async Task<int> CountAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM owner_mappings WHERE team_id = @TeamId",
            new { workspace.TeamId },
            cancellationToken: cancellationToken));
    }

    /// <summary>The <paramref name="limit"/> mappings made last, newest first.</summary>
    public async Task<IReadOnlyList<OwnerMapping>> ListLatestAsync(Workspace workspace, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<OwnerMapping>(new CommandDefinition(
            connections.Dialect.Page($"SELECT {MappingColumns} FROM owner_mappings WHERE team_id = @TeamId ORDER BY mapped_at DESC, id DESC"),
            new { workspace.TeamId, Offset = 0, Limit = limit },
            cancellationToken: cancellationToken))];
    }

    /// <summary>The <paramref name="limit"/> unmatched emails seen on the most signals.</summary>
    public async Task<IReadOnlyList<UnmatchedOwnerEmail>> TopUnmatchedAsync(Workspace workspace, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<UnmatchedOwnerEmail>(new CommandDefinition(
            connections.Dialect.Page($"SELECT {UnmatchedColumns} FROM unmatched_owner_emails WHERE team_id = @TeamId ORDER BY signal_count DESC, id"),
            new { workspace.TeamId, Offset = 0, Limit = limit },
            cancellationToken: cancellationToken))];
    }

    /// <summary>The unmatched email <paramref name="id"/> of this workspace (never another's), or null.</summary>
    public async Task<UnmatchedOwnerEmail?> GetUnmatchedAsync(Workspace workspace, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UnmatchedOwnerEmail>(new CommandDefinition(
            $"SELECT {UnmatchedColumns} FROM unmatched_owner_emails WHERE team_id = @TeamId AND id = @Id",
            new { workspace.TeamId, Id = id },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Counts each of <paramref name="emails"/> once more, inside the caller's <paramref name="transaction"/> (the one
    /// storing the signal's items, so a signal planned again is not counted twice). An update, then an insert when
    /// there was no row, then the update again if another instance inserted it meanwhile: portable to both dialects,
    /// which have no common "add one" upsert.
    /// </summary>
    public static async Task RecordUnmatchedAsync(
        DbTransaction transaction,
        SqlDialect dialect,
        string teamId,
        IEnumerable<(string Email, string Role)> emails,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(emails);
        var connection = transaction.Connection!;
        const string Update =
            "UPDATE unmatched_owner_emails SET signal_count = signal_count + 1, role = @role, last_seen = @last_seen WHERE team_id = @team_id AND email = @email";
        var insert = dialect.InsertIfAbsent("unmatched_owner_emails", ["team_id", "email"], ["role", "signal_count", "first_seen", "last_seen"]);
        foreach (var (email, role) in emails.DistinctBy(e => Normalize(e.Email)))
        {
            var row = new { team_id = teamId, email = Normalize(email), role, signal_count = 1, first_seen = now, last_seen = now };
            if (await connection.ExecuteAsync(new CommandDefinition(Update, row, transaction, cancellationToken: cancellationToken)) > 0)
            {
                continue;
            }

            if (await connection.ExecuteAsync(new CommandDefinition(insert, row, transaction, cancellationToken: cancellationToken)) == 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(Update, row, transaction, cancellationToken: cancellationToken));
            }
        }
    }
}

/// <summary>A CRM email mapped to a Slack user in one workspace.</summary>
public sealed record OwnerMapping
{
    public long Id { get; init; }
    public string TeamId { get; init; } = string.Empty;
    public string Email { get; init; } = string.Empty;
    public string SlackUserId { get; init; } = string.Empty;
    public string MappedBy { get; init; } = string.Empty;
    public DateTimeOffset MappedAt { get; init; }
}

/// <summary>A role email Slack did not know, with how many signals named it.</summary>
public sealed record UnmatchedOwnerEmail
{
    public long Id { get; init; }
    public string TeamId { get; init; } = string.Empty;
    public string Email { get; init; } = string.Empty;
    public string Role { get; init; } = string.Empty;
    public int Count { get; init; }
    public DateTimeOffset FirstSeen { get; init; }
    public DateTimeOffset LastSeen { get; init; }
}
