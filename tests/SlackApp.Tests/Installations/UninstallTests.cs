using System.Net;
using System.Text.Json.Nodes;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.Installations;

public sealed class UninstallTests : IDisposable
{
    private readonly SlackAppFactory _app = new();
    private readonly HttpClient _slack;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public UninstallTests()
    {
        _slack = _app.CreateClient();
        _app.Service<IInstallationStore>().SaveAsync(new Installation { TeamId = "T0ACME", BotUserId = "U0BOT", BotToken = FakeSlack.BotToken }, _ct).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task App_uninstalled_deletes_the_token_and_stops_work_for_the_workspace()
    {
        var response = await _slack.SendAsync(SlackRequests.Event(new JsonObject { ["type"] = "app_uninstalled" }), _ct);
        await _app.Service<ISlackBackgroundWork>().WhenIdleAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await _app.Service<IInstallationStore>().FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct));
        Assert.False(await _app.Service<InstallationStore>().IsInstalledAsync(new Workspace("T0ACME"), _ct));
        // Signals for the workspace are refused from now on, so nothing new is sent to Slack for it.
        var signal = await _app.CreateClient().PostAsync(new Uri("/signals/T0ACME", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), _ct);
        Assert.Equal(HttpStatusCode.NotFound, signal.StatusCode);
    }

    [Fact]
    public async Task Revoked_bot_token_uninstalls_the_workspace()
    {
        var revoked = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["bot"] = new JsonArray("U0BOT") } };

        await _slack.SendAsync(SlackRequests.Event(revoked), _ct);
        await _app.Service<ISlackBackgroundWork>().WhenIdleAsync(_ct);

        Assert.Null(await _app.Service<IInstallationStore>().FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct));
    }

    [Fact]
    public async Task Revoked_user_tokens_leave_the_bot_installed()
    {
        var revoked = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0ADMIN") } };

        await _slack.SendAsync(SlackRequests.Event(revoked), _ct);
        await _app.Service<ISlackBackgroundWork>().WhenIdleAsync(_ct);

        Assert.NotNull(await _app.Service<IInstallationStore>().FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct));
    }

    [Fact]
    public async Task Uninstall_of_one_workspace_leaves_the_others_installed()
    {
        await _app.Service<IInstallationStore>().SaveAsync(new Installation { TeamId = "T0GLOBEX", BotUserId = "U0BOT2", BotToken = "xoxb-globex" }, _ct);

        await _slack.SendAsync(SlackRequests.Event(new JsonObject { ["type"] = "app_uninstalled" }, teamId: "T0GLOBEX"), _ct);
        await _app.Service<ISlackBackgroundWork>().WhenIdleAsync(_ct);

        Assert.NotNull(await _app.Service<IInstallationStore>().FindAsync(null, "T0ACME", isEnterpriseInstall: false, _ct));
        Assert.Null(await _app.Service<IInstallationStore>().FindAsync(null, "T0GLOBEX", isEnterpriseInstall: false, _ct));
    }

    public void Dispose()
    {
        _slack.Dispose();
        _app.Dispose();
    }
}
