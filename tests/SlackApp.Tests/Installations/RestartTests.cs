using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.Installations;

public sealed class RestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slackapp-restart-").FullName;

    [Fact]
    public async Task A_new_app_instance_reads_the_token_and_secret_an_earlier_one_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        string secret;
        using (var first = new SlackAppFactory(folder: _folder))
        {
            first.CreateClient().Dispose();
            await first.Service<IInstallationStore>().SaveAsync(new Installation { TeamId = "T0ACME", BotUserId = "U0BOT", BotToken = "xoxb-survives-restarts" }, ct);
            secret = await first.Service<WorkspaceSettingsRepository>().EnsureSignalSecretAsync(new Workspace("T0ACME"), ct);
        }

        using var second = new SlackAppFactory(folder: _folder);
        second.CreateClient().Dispose();

        Assert.Equal("xoxb-survives-restarts", (await second.Service<IInstallationStore>().FindAsync(null, "T0ACME", isEnterpriseInstall: false, ct))?.BotToken);
        Assert.Equal(secret, await second.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(new Workspace("T0ACME"), ct));
    }

    // Each app cleared its own pool when it was disposed.
    public void Dispose()
    {
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
