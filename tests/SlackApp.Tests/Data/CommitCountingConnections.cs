using Microsoft.Data.Sqlite;
using SlackApp.Data;

namespace SlackApp.Tests.Data;

/// <summary>
/// Connections to a test database that count the transactions committed through them (SQLite's commit hook), and the
/// connections opened: how many commits (fsyncs) and how much I/O a piece of work costs.
/// </summary>
internal sealed class CommitCountingConnections
{
    private int _commits;
    private int _opened;

    public CommitCountingConnections(TestDatabase database)
        : this(database.Connections.ConnectionString)
    {
    }

    public CommitCountingConnections(string databaseConnectionString)
    {
        // Unpooled: the hook belongs to these connections alone, never to a pooled one another factory reuses.
        var connectionString = new SqliteConnectionStringBuilder(databaseConnectionString) { Pooling = false }.ConnectionString;
        Connections = new DbConnectionFactory(new SqliteDialect(), () =>
        {
            var connection = new SqliteConnection(connectionString);
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState == System.Data.ConnectionState.Open)
                {
                    Interlocked.Increment(ref _opened);
                    SQLitePCL.raw.sqlite3_commit_hook(connection.Handle, _ =>
                    {
                        Interlocked.Increment(ref _commits);
                        return 0;
                    }, null);
                }
            };
            return connection;
        });
    }

    public DbConnectionFactory Connections { get; }

    public int Commits => Volatile.Read(ref _commits);

    public int Opened => Volatile.Read(ref _opened);
}
