using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace SlackApp.Data;

internal sealed class SqlServerDialect : SqlDialect
{
    // 2627: PRIMARY KEY / UNIQUE constraint; 2601: unique index.
    private static readonly int[] UniqueViolationNumbers = [2627, 2601];

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns, IReadOnlyList<string>? insertOnlyColumns = null)
    {
        var all = keyColumns.Concat(updateColumns).Concat(insertOnlyColumns ?? []).ToList();
        var source = string.Join(", ", all.Select(c => $"@{c} AS {c}"));
        var match = string.Join(" AND ", keyColumns.Select(c => $"target.{c} = source.{c}"));
        var updates = string.Join(", ", updateColumns.Select(c => $"target.{c} = source.{c}"));
        var update = updateColumns.Count > 0 ? $"WHEN MATCHED THEN UPDATE SET {updates} " : string.Empty;
        return $"MERGE INTO {table} WITH (HOLDLOCK) AS target USING (SELECT {source}) AS source ON {match} " +
               update +
               $"WHEN NOT MATCHED THEN INSERT ({Columns(all)}) VALUES ({string.Join(", ", all.Select(c => "source." + c))});";
    }

    public override string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        Upsert(table, keyColumns, [], otherColumns);

    // One round trip per 100 rows: 700 parameters, well under SQL Server's 2,100.
    public override int InsertRowsPerStatement => 100;

    public override string InsertRowsIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns, int rowCount)
    {
        var all = keyColumns.Concat(otherColumns).ToList();
        var match = string.Join(" AND ", keyColumns.Select(c => $"target.{c} = source.{c}"));
        // HOLDLOCK: two instances inserting the same key at once meet on the key range instead of a duplicate-key error.
        return $"MERGE INTO {table} WITH (HOLDLOCK) AS target USING (VALUES {RowValues(all, rowCount)}) AS source ({Columns(all)}) ON {match} " +
               $"WHEN NOT MATCHED THEN INSERT ({Columns(all)}) VALUES ({string.Join(", ", all.Select(c => "source." + c))});";
    }

    public override string Page(string orderedQuery) => $"{orderedQuery} OFFSET @Offset ROWS FETCH NEXT @Limit ROWS ONLY";

    public override string InsertReturningId(string table, IReadOnlyList<string> columns, string idColumn) =>
        $"INSERT INTO {table} ({Columns(columns)}) OUTPUT INSERTED.{idColumn} VALUES ({Parameters(columns)});";

    public override string ClaimWithLease(string table, string idColumn, string dueCondition, string orderBy, string leaseColumn, string ownerColumn) =>
        // READPAST skips rows another instance is claiming right now; UPDLOCK keeps the pick and the update atomic.
        $"WITH due AS (SELECT TOP (@Limit) * FROM {table} WITH (UPDLOCK, READPAST, ROWLOCK) " +
        $"WHERE ({dueCondition}) AND ({leaseColumn} IS NULL OR {leaseColumn} < @Now) ORDER BY {orderBy}) " +
        $"UPDATE due SET {leaseColumn} = @LeaseUntil, {ownerColumn} = @Owner OUTPUT INSERTED.{idColumn};";

    // DATEDIFF_BIG: a bigint, read as a long like SQLite's integer.
    public override string SecondsBetween(string from, string to) => $"DATEDIFF_BIG(SECOND, {from}, {to})";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqlException sql && UniqueViolationNumbers.Contains(sql.Number);
}
