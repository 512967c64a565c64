using Dapper;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.Notifications;

/// <summary>
/// The outbox as people look back at it (the Home tab): the latest notifications one reader may see, one line per
/// signal however many recipients it had. Workspace-scoped; the reader's rows are found through
/// <c>ix_notification_deliveries_reader</c> (team, recipient kind, recipient, id).
/// </summary>
public sealed class NotificationHistory(DbConnectionFactory connections)
{
    // Rows read to find the latest signals; one signal has a row per recipient, so a few per line.
    private const int RowsPerLine = 8;

    private const string Channel = "channel";

    /// <summary>Every channel the workspace's notifications went to: the ones whose visibility a member's list depends on.</summary>
    public async Task<IReadOnlyList<string>> ListChannelsAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var channels = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT DISTINCT recipient_id FROM notification_deliveries WHERE team_id = @TeamId AND recipient_kind = '{Channel}'",
            new { workspace.TeamId },
            cancellationToken: cancellationToken));
        return channels.AsList();
    }

    /// <summary>
    /// The latest <paramref name="limit"/> notifications <paramref name="reader"/> may see, newest first: one per signal
    /// (with only the deliveries the reader may see), a test notification each on its own.
    /// </summary>
    public async Task<IReadOnlyList<RecentNotification>> ListRecentAsync(Workspace workspace, NotificationReader reader, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var condition = reader.SeesAll
            ? "1 = 1"
            : $"((d.recipient_kind = 'user' AND d.recipient_id = @UserId) OR (d.recipient_kind = '{Channel}' AND d.recipient_id IN @Channels))";
        var parameters = new DynamicParameters(new { workspace.TeamId, reader.UserId, Channels = reader.ChannelIds.ToList(), Offset = 0, Limit = limit * RowsPerLine });

        await using var connection = await connections.OpenAsync(cancellationToken);
        var latest = await connection.QueryAsync<(long Id, long? SignalRowId)>(new CommandDefinition(
            connections.Dialect.Page($"SELECT d.id, d.signal_row_id FROM notification_deliveries d WHERE d.team_id = @TeamId AND {condition} ORDER BY d.id DESC"),
            parameters,
            cancellationToken: cancellationToken));
        var keys = latest.Select(Key).Distinct().Take(limit).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        // Every visible row of those signals, not only the ones the first read reached.
        parameters.Add("Signals", keys.Where(k => k > 0).ToList());
        parameters.Add("Tests", keys.Where(k => k < 0).Select(k => -k).ToList());
        var rows = await connection.QueryAsync<OutboxDelivery>(new CommandDefinition(
            $"SELECT {OutboxDelivery.Columns} FROM {OutboxDelivery.From} WHERE d.team_id = @TeamId AND {condition} AND (d.signal_row_id IN @Signals OR d.id IN @Tests)",
            parameters,
            cancellationToken: cancellationToken));
        var byKey = rows.GroupBy(r => Key((r.Id, r.SignalRowId))).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Id).ToList());
        return keys.Where(byKey.ContainsKey).Select(k => new RecentNotification(byKey[k])).ToList();
    }

    // A signal's rows share its row id; a test has none, so its own (negated) id keeps it apart.
    private static long Key((long Id, long? SignalRowId) row) => row.SignalRowId ?? -row.Id;
}

/// <summary>Whose notifications to list: everyone's, or one person's DMs and tests plus the channels they can see.</summary>
public sealed record NotificationReader(string? UserId, IReadOnlyCollection<string> ChannelIds)
{
    /// <summary>Admins and managers: every notification of the workspace.</summary>
    public static readonly NotificationReader Everyone = new(null, []);

    public bool SeesAll => UserId is null;
}

/// <summary>One signal's notification as a reader sees it: the deliveries they may see, newest first.</summary>
public sealed record RecentNotification(IReadOnlyList<OutboxDelivery> Deliveries)
{
    public OutboxDelivery Latest => Deliveries[0];
}
