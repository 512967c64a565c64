using Dapper;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.Welcome;

/// <summary>
/// Who has been welcomed in the app's Messages tab, per workspace. Claiming before posting means two openings of
/// the tab at once (two devices, two instances) post one welcome, not two.
/// </summary>
public sealed class WelcomeRepository(DbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>True for the first caller for this person in this workspace, ever; false once someone claimed it.</summary>
    public async Task<bool> TryClaimAsync(Workspace workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.InsertIfAbsent("welcomes", ["team_id", "user_id"], ["welcomed_at"]),
            new { team_id = workspace.TeamId, user_id = userId, welcomed_at = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>Gives a claim back when the welcome could not be posted, so the next opening of the tab tries again.</summary>
    public async Task ReleaseAsync(Workspace workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM welcomes WHERE team_id = @TeamId AND user_id = @UserId",
            new { workspace.TeamId, UserId = userId },
            cancellationToken: cancellationToken));
    }
}
