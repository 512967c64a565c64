using System.Data;
using System.Data.Common;
using SlackApp.Data;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>
/// Inserts signal rows inside one transaction with multi-row statements (as many rows each as the dialect says), each
/// command built once per row count and reused for the whole transaction (SQLite keeps a reused command's compiled
/// statement): no per-row command, parameter objects or SQL text, and on SQL Server few round trips.
/// </summary>
internal sealed class SignalRowsInsert(DbConnection connection, DbTransaction transaction, SqlDialect dialect) : IAsyncDisposable
{
    private static readonly string[] Key = ["team_id", "signal_id"];
    private static readonly string[] Other = ["type", "occurred_at", "received_at", "raw_json", "status", "trace_parent"];
    private static readonly string[] All = [.. Key, .. Other];

    private readonly Dictionary<int, DbCommand> _commands = [];

    /// <summary>Stores the batch's signals not stored yet; a repeated id (earlier, or in this batch) counts as a duplicate.</summary>
    public async Task<SignalIntakeResult> AddAsync(SignalBatch batch, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        // Distinct ids only: SQL Server's MERGE would insert a key twice if the same statement named it twice.
        var seen = new HashSet<string>(batch.Signals.Count, StringComparer.Ordinal);
        var distinct = new List<IncomingSignal>(batch.Signals.Count);
        foreach (var signal in batch.Signals)
        {
            if (seen.Add(signal.Signal.Id))
            {
                distinct.Add(signal);
            }
        }

        var inserted = 0;
        for (var start = 0; start < distinct.Count; start += dialect.InsertRowsPerStatement)
        {
            var count = Math.Min(dialect.InsertRowsPerStatement, distinct.Count - start);
            var command = Command(count);
            var parameters = command.Parameters;
            for (var row = 0; row < count; row++)
            {
                var signal = distinct[start + row];
                var first = row * All.Length;
                parameters[first].Value = batch.Workspace.TeamId;
                parameters[first + 1].Value = signal.Signal.Id;
                parameters[first + 2].Value = SignalNames.Wire(signal.Signal.Type);
                DapperConventions.Write(parameters[first + 3], signal.Signal.OccurredAt);
                DapperConventions.Write(parameters[first + 4], receivedAt);
                parameters[first + 5].Value = signal.RawJson;
                parameters[first + 6].Value = SignalRepository.Pending;
                parameters[first + 7].Value = (object?)batch.TraceParent ?? DBNull.Value;
            }

            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new SignalIntakeResult(inserted, batch.Signals.Count - inserted);
    }

    private DbCommand Command(int rows)
    {
        if (_commands.TryGetValue(rows, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = dialect.InsertRowsIfAbsent("signals", Key, Other, rows);
        for (var row = 0; row < rows; row++)
        {
            foreach (var column in All)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = SqlDialect.RowParameter(column, row);
                parameter.DbType = DbType.String;
                command.Parameters.Add(parameter);
            }
        }

        _commands[rows] = command;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
