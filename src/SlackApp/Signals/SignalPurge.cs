using Dapper;
using SlackApp.Data;

namespace SlackApp.Signals;

/// <summary>
/// Deletes signals received before a cutoff, in bounded batches, across every workspace by design (as the matching
/// worker claims). A signal is kept while it is still needed: while pending (not yet matched), and while any
/// notification item about it still waits to go out (its message is composed from the signal's stored JSON).
/// Items already sent, failed, undeliverable or suppressed keep their rows: history reads the signal with a
/// LEFT JOIN and copes with its absence.
/// </summary>
public sealed class SignalPurge(DbConnectionFactory connections)
{
    // notification_deliveries.status values that are final. Spelled here because Signals sits below Notifications;
    // any other status (pending, sending, held, or one added later) keeps the signal.
    private const string Final = "'sent', 'failed', 'undeliverable', 'suppressed'";

    // Whether the signals row named or aliased s may go.
    private static string Purgeable(string s) =>
        $"""
        {s}.received_at < @Cutoff AND {s}.status = '{SignalRepository.Matched}'
        AND NOT EXISTS (
            SELECT 1 FROM notification_deliveries d
            WHERE d.team_id = {s}.team_id AND d.signal_row_id = {s}.id AND d.status NOT IN ({Final}))
        """;

    /// <summary>The oldest purgeable signals' ids, <c>@Limit</c> of them.</summary>
    internal static string SelectSql(SqlDialect dialect) =>
        dialect.Page($"SELECT s.id FROM signals s WHERE {Purgeable("s")} ORDER BY s.received_at, s.id");

    /// <summary>Deletes the signals of <c>@Ids</c> that may still go.</summary>
    internal static string DeleteSql => $"DELETE FROM signals WHERE id IN @Ids AND {Purgeable("signals")}";

    /// <summary>Deletes up to <paramref name="batchSize"/> of the oldest purgeable signals; returns how many went.</summary>
    public async Task<int> DeleteBatchAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, SignalRetentionOptions.MaxBatchSize);
        // As a UTC DateTime, the way the intake wrote received_at: on SQLite both compare as text of one format.
        var before = cutoff.UtcDateTime;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            SelectSql(connections.Dialect),
            new { Cutoff = before, Offset = 0, Limit = batchSize },
            cancellationToken: cancellationToken))).AsList();
        if (ids.Count == 0)
        {
            return 0;
        }

        // The conditions again: an item may have been planned, or a row changed, since the ids were read.
        return await connection.ExecuteAsync(new CommandDefinition(
            DeleteSql,
            new { Ids = ids, Cutoff = before },
            cancellationToken: cancellationToken));
    }
}
