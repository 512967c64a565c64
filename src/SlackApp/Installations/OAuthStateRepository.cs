using Dapper;
using SlackApp.Data;
using SlackApp.Slack.OAuth;

namespace SlackApp.Installations;

/// <summary>
/// Used OAuth <c>state</c> values in the database, so each install link works once even when
/// several instances share the database.
/// </summary>
public sealed class OAuthStateRepository(DbConnectionFactory connections, TimeProvider clock) : IOAuthStateStore
{
    public async Task<bool> TryConsumeAsync(string stateId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Expired records can go: an expired state is refused before it gets here.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth_states WHERE expires_at < @Now", new { Now = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.InsertIfAbsent("oauth_states", ["state"], ["expires_at"]),
            new { state = stateId, expires_at = expiresAt },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }
}
