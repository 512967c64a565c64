using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;

namespace SlackApp.Tests.Data;

/// <summary>
/// Runs against a live SQL Server when <c>SLACKAPP_TEST_SQLSERVER</c> holds a connection string
/// (a throwaway database: the tests create tables in it), and skips otherwise.
/// </summary>
public sealed class SqlServerLiveTests
{
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("SLACKAPP_TEST_SQLSERVER");

    [Fact]
    public async Task Migrations_and_installation_store_work_on_sql_server()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(ConnectionString), "SLACKAPP_TEST_SQLSERVER is not set.");
        var ct = TestContext.Current.CancellationToken;
        var connections = new DbConnectionFactory(
            Options.Create(new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = ConnectionString }),
            new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory });
        var migrator = new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance);
        migrator.Migrate();
        Assert.Empty(migrator.Migrate());

        var teamId = "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var store = new InstallationStore(connections, new SecretProtector(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider()), TimeProvider.System);
        await store.SaveAsync(new Installation { TeamId = teamId, BotUserId = "U1", BotToken = "xoxb-live" }, ct);
        await store.SaveAsync(new Installation { TeamId = teamId, BotUserId = "U1", BotToken = "xoxb-live-2" }, ct);

        Assert.Equal("xoxb-live-2", (await store.FindAsync(null, teamId, isEnterpriseInstall: false, ct))?.BotToken);
    }
}
