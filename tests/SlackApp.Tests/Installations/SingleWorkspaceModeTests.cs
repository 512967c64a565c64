using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.Installations;

public sealed class SingleWorkspaceModeTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bot_token_installs_its_workspace_at_start_up_with_seeded_settings()
    {
        using var app = new SlackAppFactory()
            .With("Slack:BotToken", FakeSlack.BotToken)
            .With("Signals:Secret", "seeded-signal-secret")
            .With("Salesforce:BaseUrl", "https://acme.lightning.force.com");
        app.CreateClient().Dispose();

        var installation = await app.Service<IInstallationStore>().FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct);
        var settings = app.Service<WorkspaceSettingsRepository>();

        Assert.Equal(FakeSlack.BotToken, installation?.BotToken);
        Assert.Equal("U0BOT", installation?.BotUserId);
        Assert.Equal("seeded-signal-secret", await settings.GetSignalSecretAsync(new Workspace("T0ACME"), _ct));
        Assert.Equal("https://acme.lightning.force.com", (await settings.GetAsync(new Workspace("T0ACME"), _ct)).SalesforceBaseUrl);
    }

    [Fact]
    public async Task A_bot_token_slack_refuses_leaves_the_app_running_without_an_installation()
    {
        using var app = new SlackAppFactory().With("Slack:BotToken", "xoxb-revoked");
        using var client = app.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), _ct);

        Assert.True(health.IsSuccessStatusCode);
        Assert.Null(await app.Service<IInstallationStore>().FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct));
    }
}
