using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Slack.WebApi;

namespace SlackApp.Benchmarks;

/// <summary>The whole app in-process on a fresh SQLite file, its Slack Web API calls answered by <see cref="BenchmarkSlack"/>.</summary>
internal sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly bool _ownsFolder;

    /// <param name="folder">Where the database and key ring go; a temp folder removed on dispose when null.</param>
    public BenchmarkApp(string? folder = null)
    {
        _ownsFolder = folder is null;
        _folder = folder ?? Directory.CreateTempSubdirectory("slackapp-bench-").FullName;
        // The factory looks for the app's folder by this variable first; the benchmark runs from bench/, not tests/.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SLACKAPP", AppFolder());
    }

    public const string SigningSecret = "benchmark-signing-secret-0000000";

    public BenchmarkSlack Slack { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "slackapp.db")}");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_folder, "keys"));
        builder.UseSetting("Slack:ApiBaseUrl", BenchmarkSlack.ApiBaseUrl);
        builder.UseSetting("Slack:SigningSecret", SigningSecret);
        builder.UseSetting("Slack:ClientId", "1111.2222");
        builder.UseSetting("Slack:ClientSecret", "benchmark-client-secret");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // A fresh key ring is written unencrypted on every run: known, and not worth a line of the benchmark's output.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // The app's own cost is measured, not Slack's pacing (1 message/s per channel would make 1,000 take 17 minutes).
        builder.UseSetting("Notifications:ChannelMessagesPerSecond", "1000000");
        builder.UseSetting("Notifications:ChannelBurst", "1000000");
        builder.UseSetting("Notifications:WorkspaceMessagesPerSecond", "1000000");
        builder.UseSetting("Notifications:WorkspaceBurst", "1000000");
        builder.ConfigureTestServices(services =>
            services.AddHttpClient(SlackHttpClientNames.WebApi).ConfigurePrimaryHttpMessageHandler(() => Slack));
    }

    private static string AppFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SlackApp.sln")))
            {
                return Path.Combine(folder.FullName, "src", "SlackApp");
            }
        }

        return AppContext.BaseDirectory;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsFolder)
        {
            return;
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
