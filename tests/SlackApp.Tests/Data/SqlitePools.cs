using Microsoft.Data.Sqlite;

namespace SlackApp.Tests.Data;

/// <summary>
/// Closes the pooled connections of one test's database (so its files can be read whole or deleted).
/// <see cref="SqliteConnection.ClearAllPools"/> would close every test's: in a parallel run it disposes the native
/// handle of a connection another test is opening ("Cannot access a disposed object: SQLitePCL.sqlite3").
/// </summary>
internal static class SqlitePools
{
    public static void Clear(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return;
        }

        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
