using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;
using SlackApp.Slack.OAuth;

namespace SlackApp.Sandbox.Tests.Hosting;

public sealed class SandboxModeTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_slack_credentials_the_app_installs_the_sandbox_workspace_through_auth_test()
    {
        using var app = new SandboxAppFactory();
        using var client = app.CreateClient();

        var installation = await app.Service<IInstallationStore>().FindAsync(null, SandboxIdentity.TeamId, isEnterpriseInstall: false, _ct);

        Assert.NotNull(installation);
        Assert.Equal(SandboxIdentity.BotUserId, installation.BotUserId);
        Assert.Equal(app.Service<SandboxSecrets>().BotToken, installation.BotToken);
    }

    [Fact]
    public async Task A_slash_command_typed_in_the_sandbox_reaches_the_app_signed_and_its_answer_shows_only_to_the_sender()
    {
        using var app = new SandboxAppFactory();
        using var client = app.CreateClient();

        var outcome = await ComposeAsync(client, SandboxSeed.AccountExecutive, SandboxSeed.General, "/usergems help");

        Assert.True(outcome["ok"]!.GetValue<bool>(), outcome.ToJsonString());
        var workspace = app.Service<SandboxWorkspace>();
        var reply = Assert.Single(workspace.MessagesIn(SandboxSeed.General, SandboxSeed.AccountExecutive));
        Assert.True(reply.IsEphemeral);
        Assert.Contains("/usergems workflow create", reply.Text, StringComparison.Ordinal);
        Assert.Empty(workspace.MessagesIn(SandboxSeed.General, SandboxSeed.You));
        Assert.Empty(workspace.Notices);
    }

    [Fact]
    public async Task A_command_the_app_does_not_declare_is_refused_as_slack_does()
    {
        using var app = new SandboxAppFactory();
        using var client = app.CreateClient();

        var outcome = await ComposeAsync(client, SandboxSeed.You, SandboxSeed.General, "/giphy cats");

        Assert.False(outcome["ok"]!.GetValue<bool>());
        Assert.Contains("/giphy is not a valid command", outcome["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_slack_credentials_the_sandbox_does_not_exist()
    {
        using var app = new SandboxAppFactory()
            .With("Slack:SigningSecret", "8f742231b10e8888abcd99yyyzzz85a5")
            .With("Slack:ClientId", "1111.2222")
            .With("Slack:ClientSecret", "client-secret");
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sandbox", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/sandbox/api/auth.test", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sandbox/ui/state", _ct)).StatusCode);
        Assert.Null(app.Services.GetService(typeof(SandboxWorkspace)));
    }

    [Fact]
    public async Task Sandbox_enabled_false_keeps_the_app_in_slack_mode_even_without_credentials()
    {
        using var app = new SandboxAppFactory().With("Sandbox:Enabled", "false");
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sandbox", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", _ct)).StatusCode);
    }

    private async Task<JsonObject> ComposeAsync(HttpClient client, string user, string channel, string text)
    {
        var response = await client.PostAsJsonAsync("/sandbox/ui/compose", new { As = user, Channel = channel, Text = text }, _ct);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(_ct))!;
    }
}
