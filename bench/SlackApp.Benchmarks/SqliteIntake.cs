using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SlackApp.Benchmarks;

/// <summary>
/// The least a durable intake can do, for the bare Kestrel reference: parse the batch and insert each signal into the
/// app's <c>signals</c> table (same columns, unique index, WAL, SQLite's default synchronous) in one transaction,
/// committed before the answer. No validation, no signature check: those are the app's own cost.
/// </summary>
internal sealed class SqliteIntake
{
    public const string PathVariable = "BENCH_SQLITE_PATH";

    private readonly string? _connectionString;

    private SqliteIntake(string? connectionString) => _connectionString = connectionString;

    /// <summary>Creates the table in a fresh file at <paramref name="path"/>; with no path, batches are only read.</summary>
    public static async Task<SqliteIntake> OpenAsync(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new SqliteIntake(null);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS signals (
                id INTEGER PRIMARY KEY AUTOINCREMENT, team_id TEXT NOT NULL, signal_id TEXT NOT NULL, type TEXT NOT NULL,
                occurred_at TEXT NOT NULL, received_at TEXT NOT NULL, raw_json TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending');
            CREATE UNIQUE INDEX IF NOT EXISTS ux_signals_team_signal ON signals (team_id, signal_id);
            CREATE INDEX IF NOT EXISTS ix_signals_status ON signals (status, id);
            """;
        await create.ExecuteNonQueryAsync();
        return new SqliteIntake(connectionString);
    }

    /// <summary>Stores the batch in <paramref name="body"/> and returns how many signals it held.</summary>
    public async Task<int> StoreAsync(string team, Stream body, CancellationToken cancellationToken)
    {
        using var batch = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var signals = batch.RootElement.GetProperty("signals");
        if (_connectionString is null)
        {
            return signals.GetArrayLength();
        }

        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        // BEGIN IMMEDIATE: take the write lock up front, as a writer among four must.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO signals (team_id, signal_id, type, occurred_at, received_at, raw_json)
            VALUES ($team, $id, $type, $occurred, $received, $raw) ON CONFLICT DO NOTHING
            """;
        var parameters = new[] { "$team", "$id", "$type", "$occurred", "$received", "$raw" }.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
        var received = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var signal in signals.EnumerateArray())
        {
            parameters[0].Value = team;
            parameters[1].Value = signal.GetProperty("id").GetString();
            parameters[2].Value = signal.GetProperty("type").GetString();
            parameters[3].Value = signal.GetProperty("occurred_at").GetString();
            parameters[4].Value = received;
            parameters[5].Value = signal.GetRawText();
            await insert.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
