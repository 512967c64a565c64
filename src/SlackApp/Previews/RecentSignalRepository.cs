using System.Text.Json;
using Dapper;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Signals;

namespace SlackApp.Previews;

/// <summary>The newest signals a workspace received since a time, read back into signals; bounded.</summary>
public sealed record RecentSignals(IReadOnlyList<PreviewSignal> Signals, bool Capped, int Unreadable);

/// <summary>
/// Reads a workspace's recently received signals for the preview, newest first and at most
/// <see cref="MaxSignals"/> of them, so one busy workspace cannot make a click read its whole history. Scoped by the
/// verified workspace; seeks <c>ix_signals_received (team_id, received_at)</c>.
/// </summary>
public sealed class RecentSignalRepository(DbConnectionFactory connections, ILogger<RecentSignalRepository> logger)
{
    /// <summary>How far back the preview looks; signal retention is validated to keep at least this much.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(SignalRetentionOptions.PreviewWindowDays);

    public const int MaxSignals = 5000;

    public async Task<RecentSignals> ListSinceAsync(Workspace workspace, DateTimeOffset since, CancellationToken cancellationToken, int limit = MaxSignals)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // One more than the limit tells whether there were more. The time goes as a UTC DateTime, the way the intake
        // wrote received_at, so SQLite's text comparison sees one format (a DateTimeOffset would carry "+00:00").
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            connections.Dialect.Page(
                """
                SELECT id AS RowId, raw_json AS RawJson, received_at AS ReceivedAt FROM signals
                WHERE team_id = @TeamId AND received_at >= @Since
                ORDER BY received_at DESC, id DESC
                """),
            new { workspace.TeamId, Since = since.UtcDateTime, Offset = 0, Limit = limit + 1 },
            cancellationToken: cancellationToken))).AsList();

        var signals = new List<PreviewSignal>(Math.Min(rows.Count, limit));
        var unreadable = 0;
        foreach (var row in rows.Take(limit))
        {
            try
            {
                signals.Add(new PreviewSignal(row.RowId, SignalReader.ReadStored(row.RawJson), row.ReceivedAt));
            }
            catch (Exception e) when (e is InvalidDataException or JsonException)
            {
                // Stored before a contract change, say: one such row must not spoil the whole preview.
                unreadable++;
                logger.LogWarning("Signal row {RowId} of {TeamId} no longer reads: {Error}", row.RowId, workspace.TeamId, e.Message);
            }
        }

        return new RecentSignals(signals, rows.Count > limit, unreadable);
    }

    private sealed record Row
    {
        public long RowId { get; init; }
        public string RawJson { get; init; } = "{}";
        public DateTimeOffset ReceivedAt { get; init; }
    }
}
