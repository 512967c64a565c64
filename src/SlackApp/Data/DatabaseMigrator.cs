using DbUp;
using DbUp.Engine;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace SlackApp.Data;

/// <summary>Applies the embedded SQL scripts of the configured dialect, each once, in name order.</summary>
public sealed class DatabaseMigrator(DbConnectionFactory connections, ILogger<DatabaseMigrator> logger)
{
    /// <summary>A session-owned application lock, so only one instance migrates a SQL Server database at a time.</summary>
    internal const string AcquireMigrationLock =
        """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'SlackApp.Migrations', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 120000;
        IF @result < 0 THROW 50001, N'Timed out waiting for another instance to finish migrating the database.', 1;
        """;

    internal const string ReleaseMigrationLock =
        "EXEC sp_releaseapplock @Resource = N'SlackApp.Migrations', @LockOwner = N'Session';";

    public IReadOnlyList<string> Migrate()
    {
        var upgrader = Upgrader();
        DatabaseUpgradeResult result;
        if (connections.Dialect.Provider == DatabaseProvider.SqlServer)
        {
            // Several instances may start at once on one database: one migrates, the others wait and find nothing to do.
            using var lockConnection = new SqlConnection(connections.ConnectionString);
            lockConnection.Open();
            using (var acquire = new SqlCommand(AcquireMigrationLock, lockConnection))
            {
                acquire.ExecuteNonQuery();
            }

            result = upgrader.PerformUpgrade();
            using var release = new SqlCommand(ReleaseMigrationLock, lockConnection);
            release.ExecuteNonQuery();
        }
        else
        {
            result = upgrader.PerformUpgrade();
        }
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed in script '{result.ErrorScript?.Name}': {result.Error.Message}", result.Error);
        }

        var applied = result.Scripts.Select(s => s.Name).ToList();
        foreach (var script in applied)
        {
            logger.LogInformation("Applied database migration {Script}", script);
        }

        return applied;
    }

    /// <summary>True when a script of the configured dialect has not been applied to the database (reads DbUp's journal).</summary>
    public bool IsUpgradeRequired() => Upgrader().IsUpgradeRequired();

    private UpgradeEngine Upgrader()
    {
        var dialectFolder = connections.Dialect.Provider == DatabaseProvider.SqlServer ? ".Data.SqlServer." : ".Data.Sqlite.";
        var builder = connections.Dialect.Provider == DatabaseProvider.SqlServer
            ? DeployChanges.To.SqlDatabase(connections.ConnectionString)
            : DeployChanges.To.SqliteDatabase(connections.ConnectionString);

        return builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(dialectFolder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
    }

    /// <summary>The names of every script of the configured dialect, applied or not.</summary>
    public static IEnumerable<SqlScript> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var folder = provider == DatabaseProvider.SqlServer ? ".Data.SqlServer." : ".Data.Sqlite.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return new SqlScript(name, reader.ReadToEnd());
        }
    }
}
