using System.Data.Common;

namespace SlackApp.Data;

/// <summary>
/// Everything that differs between SQLite and SQL Server, in one place, so repositories write one
/// statement and never branch on the provider.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// An insert that updates <paramref name="updateColumns"/> when a row with the same
    /// <paramref name="keyColumns"/> exists. Parameters are named after the columns.
    /// </summary>
    public abstract string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns, IReadOnlyList<string>? insertOnlyColumns = null);

    /// <summary>An insert that does nothing when a row with the same key exists.</summary>
    public abstract string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns);

    /// <summary>
    /// A multi-row insert of <paramref name="rowCount"/> rows that skips each row whose key exists (in the table or
    /// earlier in the same statement on SQLite; callers give distinct keys so both engines agree). Parameters are named
    /// <see cref="RowParameter"/>: <c>@{column}_{row}</c>. Returns the rows inserted as its rows affected.
    /// </summary>
    public abstract string InsertRowsIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns, int rowCount);

    /// <summary>Rows per <see cref="InsertRowsIfAbsent"/> statement that a bulk insert should use.</summary>
    public abstract int InsertRowsPerStatement { get; }

    /// <summary>The parameter name of <paramref name="column"/> in row <paramref name="row"/> of <see cref="InsertRowsIfAbsent"/>.</summary>
    public static string RowParameter(string column, int row) => $"@{column}_{row}";

    /// <summary>
    /// Appends paging to a query that already has an ORDER BY, with <c>@Offset</c> and <c>@Limit</c> parameters.
    /// </summary>
    public abstract string Page(string orderedQuery);

    /// <summary>An INSERT that returns the new row's identity as its single result.</summary>
    public abstract string InsertReturningId(string table, IReadOnlyList<string> columns, string idColumn);

    /// <summary>
    /// Claims up to <c>@Limit</c> due rows for this worker: sets <paramref name="leaseColumn"/> to
    /// <c>@LeaseUntil</c> and <paramref name="ownerColumn"/> to <c>@Owner</c> on rows matching
    /// <paramref name="dueCondition"/> whose lease is free or expired (before <c>@Now</c>), and
    /// returns their ids. Atomic, so two instances never claim the same row.
    /// </summary>
    public abstract string ClaimWithLease(string table, string idColumn, string dueCondition, string orderBy, string leaseColumn, string ownerColumn);

    /// <summary>
    /// Whole seconds from the time in column <paramref name="from"/> to the one in <paramref name="to"/>, as an integer
    /// expression: SQLite stores times as text and has no date difference, SQL Server has no julianday.
    /// </summary>
    public abstract string SecondsBetween(string from, string to);

    /// <summary>True when the exception is a unique or primary key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    protected static string Parameters(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => "@" + c));

    protected static string RowValues(IReadOnlyList<string> columns, int rowCount) =>
        string.Join(", ", Enumerable.Range(0, rowCount).Select(row => "(" + string.Join(", ", columns.Select(c => RowParameter(c, row))) + ")"));

    protected static string Columns(IEnumerable<string> columns) => string.Join(", ", columns);
}
