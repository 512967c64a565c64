using Dapper;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>
/// Stored signals: the intake adds them, the matching worker claims pending ones and marks them
/// matched. Workspace-scoped except <see cref="ClaimAsync"/>, which serves every workspace by design
/// and returns each row with its team.
/// </summary>
public sealed class SignalRepository(DbConnectionFactory connections, TimeProvider clock)
{
    public const string Pending = "pending";
    public const string Matched = "matched";

    private const int MaxErrorLength = 1000;

    /// <summary>
    /// Stores the signals in one transaction: all or none. A signal id the workspace already has
    /// (from an earlier request or earlier in this batch) is left as it is and counted as a duplicate.
    /// </summary>
    public async Task<SignalIntakeResult> AddAsync(Workspace workspace, IReadOnlyList<IncomingSignal> signals, CancellationToken cancellationToken) =>
        (await AddGroupAsync([new SignalBatch(workspace, signals)], cancellationToken))[0];

    /// <summary>
    /// Stores several requests' batches in one transaction, so they share one commit (one fsync on SQLite); each
    /// batch's result is counted on its own, in order, as if the batches had been stored one after another. All or
    /// none for the whole group: a caller that must keep one batch's failure from the others retries them alone.
    /// </summary>
    public async Task<IReadOnlyList<SignalIntakeResult>> AddGroupAsync(IReadOnlyList<SignalBatch> batches, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var results = new SignalIntakeResult[batches.Count];
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new SignalRowsInsert(connection, transaction, connections.Dialect))
        {
            for (var i = 0; i < batches.Count; i++)
            {
                results[i] = await insert.AddAsync(batches[i], now, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending signals of any workspace whose lease is free or
    /// expired, leasing them to <paramref name="owner"/> for <paramref name="lease"/> so no other
    /// instance takes them meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<PendingSignal>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            connections.Dialect.ClaimWithLease("signals", "id", $"status = '{Pending}'", "id", "lease_until", "lease_owner"),
            new { Limit = limit, Now = now, LeaseUntil = now + lease, Owner = owner },
            cancellationToken: cancellationToken))).ToList();
        return ids.Count == 0 ? [] : await ReadClaimedAsync(connection, ids, owner, cancellationToken);
    }

    /// <summary>
    /// When the next pending signal can be claimed, of any workspace; null when none is pending. A leased signal
    /// counts from when its lease (or its retry delay) runs out, so one left by a stopped instance is matched then,
    /// not a whole poll later.
    /// </summary>
    public async Task<DateTimeOffset?> EarliestDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            $"SELECT MIN(COALESCE(lease_until, received_at)) FROM signals WHERE status = '{Pending}'",
            cancellationToken: cancellationToken));
    }

    /// <summary>Records the outcome of matching: the signal is done and its lease released.</summary>
    public async Task MarkMatchedAsync(Workspace workspace, long id, int matchCount, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE signals
            SET status = '{Matched}', matched_at = @Now, match_count = @MatchCount, lease_until = NULL, lease_owner = NULL
            WHERE id = @Id AND team_id = @TeamId AND status = '{Pending}'
            """,
            new { Id = id, workspace.TeamId, MatchCount = matchCount, Now = clock.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks a batch's signals matched in one transaction, together with what <paramref name="writeAlongside"/> stores in
    /// it (the rows that follow from them): all of it or none. One UPDATE per workspace and match count, which in a
    /// batch are few. A signal no longer pending (another instance finished it) is left as it is.
    /// </summary>
    public async Task MarkMatchedAsync(
        IReadOnlyCollection<SignalMatchResult> results,
        Func<System.Data.Common.DbTransaction, CancellationToken, Task> writeAlongside,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await writeAlongside(transaction, cancellationToken);
        foreach (var group in results.GroupBy(r => (r.Workspace.TeamId, r.MatchCount)))
        {
            // Chunked: SQL Server takes at most 2,100 parameters in a statement.
            foreach (var ids in group.Select(r => r.Id).Chunk(500))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"""
                    UPDATE signals
                    SET status = '{Matched}', matched_at = @Now, match_count = @MatchCount, lease_until = NULL, lease_owner = NULL
                    WHERE id IN @Ids AND team_id = @TeamId AND status = '{Pending}'
                    """,
                    new { Ids = ids, group.Key.TeamId, group.Key.MatchCount, Now = now },
                    transaction,
                    cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records a failed pass: the signal stays pending, leased until <paramref name="retryAt"/> so it is not retried sooner.</summary>
    public async Task RecordFailureAsync(Workspace workspace, long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE signals
            SET attempts = attempts + 1, last_error = @Error, lease_until = @RetryAt
            WHERE id = @Id AND team_id = @TeamId AND status = '{Pending}'
            """,
            new { Id = id, workspace.TeamId, RetryAt = retryAt, Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error },
            cancellationToken: cancellationToken));
    }

    /// <summary>Reads back rows this owner just claimed; a separate statement because a claim returns only ids.</summary>
    internal static async Task<IReadOnlyList<PendingSignal>> ReadClaimedAsync(System.Data.Common.DbConnection connection, IReadOnlyCollection<long> ids, string owner, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<PendingSignal>(new CommandDefinition(
            """
            SELECT id AS Id, team_id AS TeamId, signal_id AS SignalId, raw_json AS RawJson, received_at AS ReceivedAt, attempts AS Attempts, trace_parent AS TraceParent
            FROM signals WHERE id IN @Ids AND lease_owner = @Owner ORDER BY id
            """,
            new { Ids = ids, Owner = owner },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
