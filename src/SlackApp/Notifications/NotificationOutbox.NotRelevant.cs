using Dapper;
using SlackApp.Installations;

namespace SlackApp.Notifications;

/// <summary>"Not relevant" marks on items, and the accounts a person muted.</summary>
public sealed partial class NotificationOutbox
{
    /// <summary>Marks the item not relevant, once: false when someone marked it already (a double submit changes nothing).</summary>
    public async Task<bool> TryMarkNotRelevantAsync(Workspace workspace, long itemId, string userId, string? reason, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE notification_deliveries SET not_relevant_by = @UserId, not_relevant_at = @Now, not_relevant_reason = @Reason, updated_at = @Now
            WHERE id = @Id AND team_id = @TeamId AND not_relevant_by IS NULL
            """,
            new { Id = itemId, workspace.TeamId, UserId = userId, Reason = reason, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>"Don't show me this account again": <paramref name="userId"/>'s DMs about it are suppressed from now on.</summary>
    public async Task MuteAccountAsync(Workspace workspace, string userId, string accountKey, string accountName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.InsertIfAbsent("account_mutes", ["team_id", "user_id", "account_key"], ["account_name", "muted_at"]),
            new { team_id = workspace.TeamId, user_id = userId, account_key = accountKey, account_name = accountName, muted_at = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }
}
