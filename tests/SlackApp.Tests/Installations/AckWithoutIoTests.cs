using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackApp.Data;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Data;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.Installations;

/// <summary>The whole app, counting the connections it opens and the secrets it decrypts while acking a slash command.</summary>
public sealed class AckWithoutIoTests : IDisposable
{
    private readonly SlackAppFactory _app;
    private readonly CommitCountingConnections _counting;
    private readonly CountingProtectionProvider.Counter _decryptions = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public AckWithoutIoTests()
    {
        _app = new SlackAppFactory();
        var real = new DbConnectionFactory(
            Options.Create(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(_app.Folder, "slackapp.db")}" }),
            new HostingEnvironment { ContentRootPath = _app.Folder });
        // Migrated here: the migrator hands dbup a connection string, which the counting factory does not have.
        new DatabaseMigrator(real, NullLogger<DatabaseMigrator>.Instance).Migrate();
        _counting = new CommitCountingConnections(real.ConnectionString);
        _app.With("Database:MigrateOnStartup", "false").WithServices(services =>
        {
            services.AddSingleton(_counting.Connections);
            services.AddSingleton(sp => new SecretProtector(new CountingProtectionProvider(sp.GetRequiredService<IDataProtectionProvider>(), _decryptions)));
        });
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_second_identical_slash_command_reads_nothing_and_decrypts_nothing()
    {
        using var client = _app.CreateClient();
        await _app.Service<IInstallationStore>().SaveAsync(
            new Installation { TeamId = "T0ACME", BotUserId = "U0BOT", BotToken = "xoxb-1", InstallerUserId = "U0ADMIN", InstalledAt = DateTimeOffset.UtcNow }, _ct);
        using (var first = await client.SendAsync(SlackRequests.SlashCommand("help"), _ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var opened = _counting.Opened;
        var decrypted = _decryptions.Unprotects;

        using var second = await client.SendAsync(SlackRequests.SlashCommand("help"), _ct);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("workflow", await second.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(opened, _counting.Opened);
        Assert.Equal(decrypted, _decryptions.Unprotects);
    }

    /// <summary>Data Protection over the app's own key ring, counting every decryption.</summary>
    private sealed class CountingProtectionProvider(IDataProtectionProvider inner, CountingProtectionProvider.Counter counter) : IDataProtectionProvider
    {
        public IDataProtector CreateProtector(string purpose) => new Protector(inner.CreateProtector(purpose), counter);

        public sealed class Counter
        {
            private int _unprotects;

            public int Unprotects => Volatile.Read(ref _unprotects);

            public void Add() => Interlocked.Increment(ref _unprotects);
        }

        private sealed class Protector(IDataProtector inner, Counter counter) : IDataProtector
        {
            public IDataProtector CreateProtector(string purpose) => new Protector(inner.CreateProtector(purpose), counter);

            public byte[] Protect(byte[] plaintext) => inner.Protect(plaintext);

            public byte[] Unprotect(byte[] protectedData)
            {
                counter.Add();
                return inner.Unprotect(protectedData);
            }
        }
    }
}
