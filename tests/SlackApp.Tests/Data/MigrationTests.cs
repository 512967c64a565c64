using Dapper;
using DbUp;
using Microsoft.Extensions.Logging.Abstractions;
using SlackApp.Data;

namespace SlackApp.Tests.Data;

public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slackapp-migrations-").FullName;
    private readonly List<DbConnectionFactory> _factories = [];

    // A database of its own in the folder, its pool cleared on dispose.
    private DbConnectionFactory Factory(string folder)
    {
        var factory = TestDatabase.CreateFactory(folder);
        _factories.Add(factory);
        return factory;
    }

    [Fact]
    public void Running_migrations_twice_applies_nothing_the_second_time()
    {
        var migrator = new DatabaseMigrator(Factory(Path.Combine(_folder, "twice")), NullLogger<DatabaseMigrator>.Instance);

        var first = migrator.Migrate();
        var second = migrator.Migrate();

        Assert.NotEmpty(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task A_database_upgraded_step_by_step_ends_with_the_same_schema_as_a_fresh_one()
    {
        var fresh = Factory(Path.Combine(_folder, "fresh"));
        new DatabaseMigrator(fresh, NullLogger<DatabaseMigrator>.Instance).Migrate();
        var expected = await SchemaOf(fresh);
        var scripts = DatabaseMigrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Name).ToList();

        for (var applied = 0; applied < scripts.Count; applied++)
        {
            var upgraded = Factory(Path.Combine(_folder, $"upgraded-{applied}"));
            // An older release: only the first `applied` scripts existed.
            var older = scripts.Take(applied).ToHashSet();
            DeployChanges.To.SqliteDatabase(upgraded.ConnectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, older.Contains)
                .LogToNowhere().Build().PerformUpgrade();

            new DatabaseMigrator(upgraded, NullLogger<DatabaseMigrator>.Instance).Migrate();

            Assert.Equal(expected, await SchemaOf(upgraded));
        }
    }

    [Fact]
    public async Task Sqlite_database_runs_in_write_ahead_log_mode_with_foreign_keys_on()
    {
        var factory = Factory(Path.Combine(_folder, "pragmas"));
        await using var connection = await factory.OpenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys;"));
        Assert.Equal(5000L, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout;"));
    }

    private static async Task<IReadOnlyList<string>> SchemaOf(DbConnectionFactory factory)
    {
        await using var connection = await factory.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<string>(
            "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> 'SchemaVersions' ORDER BY type, name");
        return rows.ToList();
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            SqlitePools.Clear(factory.ConnectionString);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
