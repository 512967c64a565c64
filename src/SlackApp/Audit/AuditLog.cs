using System.Data.Common;
using System.Text.Json;
using Dapper;
using SlackApp.Data;

namespace SlackApp.Audit;

/// <summary>
/// The audit log's storage. Entries are written by the repositories that make the changes, with their own connection
/// and transaction (<see cref="RecordAsync"/>), so no change is committed without its entry and no caller can forget
/// one. Every read is scoped to one workspace.
/// </summary>
public sealed class AuditLog(DbConnectionFactory connections)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes <paramref name="entry"/> inside the caller's transaction.</summary>
    public static async Task RecordAsync(DbConnection connection, DbTransaction? transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entry);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (team_id, at, actor_user_id, actor_api_key, action, subject_kind, subject_id, subject_name, changes_json)
            VALUES (@TeamId, @At, @ActorUserId, @ActorApiKey, @Action, @SubjectKind, @SubjectId, @SubjectName, @ChangesJson)
            """,
            new
            {
                entry.TeamId,
                entry.At,
                entry.ActorUserId,
                ActorApiKey = entry.ActorApiKey is { } key ? SlackUx.UntrustedText.Truncate(key, 100) : null,
                entry.Action,
                entry.SubjectKind,
                entry.SubjectId,
                SubjectName = entry.SubjectName is { } name ? SlackUx.UntrustedText.Truncate(name, 200) : null,
                ChangesJson = JsonSerializer.Serialize(entry.Changes.Select(c => new StoredChange(c.Field, c.Before, c.After)), Json),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The workspace's entries from <paramref name="offset"/> on, newest first, and whether more follow.</summary>
    public async Task<AuditPage> ListPageAsync(string teamId, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<AuditRow>(new CommandDefinition(
            connections.Dialect.Page(
                """
                SELECT id AS Id, team_id AS TeamId, at AS At, actor_user_id AS ActorUserId, actor_api_key AS ActorApiKey, action AS Action,
                       subject_kind AS SubjectKind, subject_id AS SubjectId, subject_name AS SubjectName, changes_json AS ChangesJson
                FROM audit_log WHERE team_id = @TeamId ORDER BY at DESC, id DESC
                """),
            new { TeamId = teamId, Offset = Math.Max(0, offset), Limit = limit + 1 },
            cancellationToken: cancellationToken))).ToList();
        return new AuditPage([.. rows.Take(limit).Select(r => r.ToEntry())], rows.Count > limit);
    }

    /// <summary>The workspace's latest <paramref name="count"/> entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(string teamId, int count, CancellationToken cancellationToken) =>
        (await ListPageAsync(teamId, 0, count, cancellationToken)).Entries;

    private static IReadOnlyList<AuditChange> ReadChanges(string json)
    {
        try
        {
            return [.. (JsonSerializer.Deserialize<List<StoredChange>>(json, Json) ?? []).Where(c => c.Field is not null).Select(c => new AuditChange(c.Field!, c.Before, c.After))];
        }
        catch (JsonException)
        {
            // A damaged row still shows who did what and when.
            return [];
        }
    }

    private sealed record StoredChange(string? Field, string? Before, string? After);

    private sealed record AuditRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = string.Empty;
        public DateTimeOffset At { get; init; }
        public string? ActorUserId { get; init; }
        public string? ActorApiKey { get; init; }
        public string Action { get; init; } = string.Empty;
        public string SubjectKind { get; init; } = string.Empty;
        public string? SubjectId { get; init; }
        public string? SubjectName { get; init; }
        public string ChangesJson { get; init; } = "[]";

        public AuditEntry ToEntry() => new()
        {
            Id = Id,
            TeamId = TeamId,
            At = At,
            ActorUserId = ActorUserId,
            ActorApiKey = ActorApiKey,
            Action = Action,
            SubjectKind = SubjectKind,
            SubjectId = SubjectId,
            SubjectName = SubjectName,
            Changes = ReadChanges(ChangesJson),
        };
    }
}
