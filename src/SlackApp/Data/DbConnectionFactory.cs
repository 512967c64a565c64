using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SlackApp.Data;

/// <summary>Opens connections to the configured database; the one place that knows the provider.</summary>
public sealed class DbConnectionFactory
{
    private readonly string _connectionString;
    private readonly Func<DbConnection> _create;

    public DbConnectionFactory(IOptions<DatabaseOptions> options, IHostEnvironment environment)
    {
        var settings = options.Value;
        Dialect = settings.Provider == DatabaseProvider.SqlServer ? new SqlServerDialect() : new SqliteDialect();
        _connectionString = settings.Provider == DatabaseProvider.SqlServer
            ? settings.ConnectionString!
            : PrepareSqlite(settings.ConnectionString, environment.ContentRootPath);
        _create = settings.Provider == DatabaseProvider.SqlServer
            ? () => new SqlConnection(_connectionString)
            : () => new SqliteConnection(_connectionString);
        DapperConventions.Register();
    }

    /// <summary>For tests that record the statements a dialect produces without a live server.</summary>
    internal DbConnectionFactory(SqlDialect dialect, Func<DbConnection> create)
    {
        Dialect = dialect;
        _connectionString = string.Empty;
        _create = create;
        DapperConventions.Register();
    }

    public SqlDialect Dialect { get; }

    public string ConnectionString => _connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _create();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection)
            {
                // Per-connection settings: enforce foreign keys, wait for a busy writer instead of failing, and fsync the
                // write-ahead log at every commit (FULL; the build's default, said here so no build can weaken it), so
                // a committed transaction survives a power cut. NORMAL would lose the last commits since a checkpoint.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string PrepareSqlite(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? DatabaseOptions.DefaultSqliteConnectionString)
        {
            // Pooled connections keep the WAL open; the default timeout is raised for busy writers.
            Pooling = true,
            DefaultTimeout = 30,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
            EnableWriteAheadLog(builder.ConnectionString);
        }

        return builder.ConnectionString;
    }

    // WAL is a property of the database file: set once, it persists for every later connection.
    private static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
    }
}
