using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;
using SlackApp.Installations;

namespace SlackApp.Tests.Data;

/// <summary>A real SQLite file in a temporary folder, migrated, with its own Data Protection keys.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("slackapp-test-").FullName;
        Connections = CreateFactory(Folder);
        new DatabaseMigrator(Connections, NullLogger<DatabaseMigrator>.Instance).Migrate();
        Secrets = CreateSecrets(Folder);
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "slackapp.db");

    public DbConnectionFactory Connections { get; }

    public SecretProtector Secrets { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public static DbConnectionFactory CreateFactory(string folder) =>
        new(
            Options.Create(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "slackapp.db")}" }),
            new HostingEnvironment { ContentRootPath = folder });

    /// <summary>A protector over the folder's key ring, as a freshly started instance would build it.</summary>
    public static SecretProtector CreateSecrets(string folder) =>
        new(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(folder, "keys")), b => b.SetApplicationName("SlackApp")));

    public void Dispose()
    {
        SqlitePools.Clear(Connections.ConnectionString);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; the test result does not depend on it.
        }
    }
}
