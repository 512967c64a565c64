using Microsoft.Extensions.DependencyInjection;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Workflows;

namespace SlackApp.Benchmarks;

/// <summary>
/// The app as deployed: its own process (<c>dotnet SlackApp.dll</c>, configured by environment variables) on a fresh
/// SQLite file, listening on a loopback port, its Slack Web API calls going to <see cref="FakeSlack"/>. The workspace
/// is seeded beforehand by an in-process host on the same database and key ring: one installation, and a workflow
/// that tells of every new hire: by default a DM to the account owner, or the recipients the row asks for.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    public const string TeamId = "T0BENCH";

    private readonly string _folder;

    private AppUnderTest(string folder, ChildProcess process, string signalSecret)
    {
        _folder = folder;
        Process = process;
        SignalSecret = signalSecret;
    }

    public ChildProcess Process { get; }

    /// <summary>The workspace's secret for signing <c>POST /signals</c>.</summary>
    public string SignalSecret { get; }

    public static async Task<AppUnderTest> StartAsync(Uri slackApiBase, BenchOptions options, WorkflowRecipients? recipients = null)
    {
        var folder = Directory.CreateTempSubdirectory("slackapp-bench-").FullName;
        var secret = await SeedAsync(folder, recipients ?? new WorkflowRecipients { Roles = [AccountRole.Owner] });
        var dll = AppDll();
        var port = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Benchmark",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "slackapp.db")}",
            ["DataProtection__KeysPath"] = Path.Combine(folder, "keys"),
            ["Slack__ApiBaseUrl"] = slackApiBase.ToString(),
            ["Slack__SigningSecret"] = BenchmarkApp.SigningSecret,
            ["Slack__ClientId"] = "1111.2222",
            ["Slack__ClientSecret"] = "benchmark-client-secret",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            // Told Slack's real workspace limit of the run (the fake enforces 50/s); the channel limit stays the default 1/s.
            ["Notifications__WorkspaceMessagesPerSecond"] = "50",
        };
        foreach (var (key, value) in options.AppSettings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = ChildProcess.Start("the app", "dotnet", [dll], environment, Path.GetDirectoryName(dll)!, port);
        try
        {
            await process.WaitReadyAsync("/healthz", TimeSpan.FromSeconds(60));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new AppUnderTest(folder, process, secret);
    }

    private static async Task<string> SeedAsync(string folder, WorkflowRecipients recipients)
    {
        using var seeder = new BenchmarkApp(folder);
        var workspace = new Workspace(TeamId);
        await seeder.Services.GetRequiredService<IInstallationStore>().SaveAsync(
            new Installation { TeamId = TeamId, BotUserId = "U0BOT", BotToken = FakeSlack.BotToken, InstalledAt = DateTimeOffset.UtcNow }, CancellationToken.None);
        var secret = await seeder.Services.GetRequiredService<WorkspaceSettingsRepository>().EnsureSignalSecretAsync(workspace, CancellationToken.None);
        await seeder.Services.GetRequiredService<WorkflowRepository>().CreateAsync(workspace, new Workflow
        {
            TeamId = TeamId,
            Name = "Account owners hear of new hires",
            SignalTypes = [SignalType.NewHire],
            Recipients = recipients,
        }, "U0ADMIN", CancellationToken.None);
        return secret;
    }

    /// <summary>The app's own build output beside this one (same configuration), as it would be deployed.</summary>
    private static string AppDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent?.Name ?? "Release";
        for (var folder = output; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SlackApp.sln")))
            {
                var built = Path.Combine(folder.FullName, "src", "SlackApp", "bin", configuration, framework, "SlackApp.dll");
                if (File.Exists(built))
                {
                    return built;
                }
            }
        }

        // The copy the project reference put beside the benchmark (same build, the benchmark's dependencies around it).
        return Path.Combine(AppContext.BaseDirectory, "SlackApp.dll");
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
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
