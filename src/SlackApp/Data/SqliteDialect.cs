using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SlackApp.Data;

internal sealed class SqliteDialect : SqlDialect
{
    // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067).
    private static readonly int[] UniqueViolationCodes = [1555, 2067];

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns, IReadOnlyList<string>? insertOnlyColumns = null)
    {
        var all = keyColumns.Concat(updateColumns).Concat(insertOnlyColumns ?? []).ToList();
        var updates = string.Join(", ", updateColumns.Select(c => $"{c} = excluded.{c}"));
        return $"INSERT INTO {table} ({Columns(all)}) VALUES ({Parameters(all)}) " +
               $"ON CONFLICT ({Columns(keyColumns)}) DO UPDATE SET {updates};";
    }

    public override string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns)
    {
        var all = keyColumns.Concat(otherColumns).ToList();
        return $"INSERT INTO {table} ({Columns(all)}) VALUES ({Parameters(all)}) ON CONFLICT ({Columns(keyColumns)}) DO NOTHING;";
    }

    // Measured: Microsoft.Data.Sqlite binds parameters by name, a cost that grows with the square of a statement's
    // parameters (100 rows cost 3x more CPU per row than 10); 1 to 10 rows cost the same. No round trips to save.
    public override int InsertRowsPerStatement => 10;

    public override string InsertRowsIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns, int rowCount)
    {
        var all = keyColumns.Concat(otherColumns).ToList();
        return $"INSERT INTO {table} ({Columns(all)}) VALUES {RowValues(all, rowCount)} ON CONFLICT ({Columns(keyColumns)}) DO NOTHING;";
    }

    public override string Page(string orderedQuery) => $"{orderedQuery} LIMIT @Limit OFFSET @Offset";

    public override string InsertReturningId(string table, IReadOnlyList<string> columns, string idColumn) =>
        $"INSERT INTO {table} ({Columns(columns)}) VALUES ({Parameters(columns)}) RETURNING {idColumn};";

    public override string ClaimWithLease(string table, string idColumn, string dueCondition, string orderBy, string leaseColumn, string ownerColumn) =>
        // SQLite serialises writers, so one UPDATE ... RETURNING is atomic.
        $"UPDATE {table} SET {leaseColumn} = @LeaseUntil, {ownerColumn} = @Owner " +
        $"WHERE {idColumn} IN (SELECT {idColumn} FROM {table} WHERE ({dueCondition}) " +
        $"AND ({leaseColumn} IS NULL OR {leaseColumn} < @Now) ORDER BY {orderBy} LIMIT @Limit) " +
        $"RETURNING {idColumn};";

    // julianday reads the stored text (UTC, any number of fractional digits) as days.
    public override string SecondsBetween(string from, string to) => $"CAST(ROUND((julianday({to}) - julianday({from})) * 86400) AS INTEGER)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException sqlite && UniqueViolationCodes.Contains(sqlite.SqliteExtendedErrorCode);
}
