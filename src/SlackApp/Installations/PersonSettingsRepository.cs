using Dapper;
using SlackApp.Data;

namespace SlackApp.Installations;

/// <summary>
/// What each member set for themselves (today: their quiet hours), one row per workspace and user. Quiet hours are
/// read in the person's own Slack time zone by whoever applies them.
/// </summary>
public sealed class PersonSettingsRepository(DbConnectionFactory connections, TimeProvider clock)
{
    // Well under SQL Server's 2,100 parameters per statement, for any number of recipients.
    private const int UsersPerQuery = 500;

    /// <summary>The person's quiet hours; null when they set none (or cleared them).</summary>
    public async Task<QuietHours?> GetQuietHoursAsync(Workspace workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT quiet_hours_json FROM person_settings WHERE team_id = @TeamId AND user_id = @UserId",
            new { workspace.TeamId, UserId = userId },
            cancellationToken: cancellationToken));
        return QuietHoursColumn.Read(stored).Hours;
    }

    /// <summary>
    /// The quiet hours of those of <paramref name="userIds"/> who set some, in one read per 500 people; someone
    /// without quiet hours is absent from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, QuietHours>> GetQuietHoursAsync(Workspace workspace, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(userIds);
        var found = new Dictionary<string, QuietHours>(StringComparer.Ordinal);
        var distinct = userIds.Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return found;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var chunk in distinct.Chunk(UsersPerQuery))
        {
            var rows = await connection.QueryAsync<(string UserId, string? QuietHoursJson)>(new CommandDefinition(
                "SELECT user_id, quiet_hours_json FROM person_settings WHERE team_id = @TeamId AND user_id IN @UserIds AND quiet_hours_json IS NOT NULL",
                new { workspace.TeamId, UserIds = chunk },
                cancellationToken: cancellationToken));
            foreach (var (userId, json) in rows)
            {
                if (QuietHoursColumn.Read(json).Hours is { } hours)
                {
                    found[userId] = hours;
                }
            }
        }

        return found;
    }

    /// <summary>Sets the person's quiet hours; null (or a start equal to the end) clears them.</summary>
    public async Task SetQuietHoursAsync(Workspace workspace, string userId, QuietHours? hours, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.Upsert("person_settings", ["team_id", "user_id"], ["quiet_hours_json", "updated_at"]),
            new { team_id = workspace.TeamId, user_id = userId, quiet_hours_json = QuietHoursColumn.Write(hours, holdChannels: null), updated_at = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }
}
