using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.SocketMode;
using SlackApp.Sandbox.Tests.Hosting;
using SlackApp.Sandbox.Workspace;
using SlackApp.Slack.SocketMode;

namespace SlackApp.Sandbox.Tests.SocketMode;

/// <summary>The sandbox's Socket Mode: apps.connections.open, its WebSocket endpoint, and a flow sent over it.</summary>
public sealed class SandboxSocketModeTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_app_connects_with_the_sandbox_app_token_and_is_live()
    {
        using var app = new SandboxAppFactory(socketMode: true);
        using var client = app.CreateClient();

        var status = app.Service<ISocketModeStatus>();
        Assert.True(status.IsEnabled);
        Assert.True(status.IsOpen);
        Assert.Equal(1, app.Service<SandboxSocketHub>().OpenConnections);
    }

    [Fact]
    public async Task Apps_connections_open_answers_only_the_app_token_with_a_single_use_url()
    {
        using var app = new SandboxAppFactory(socketMode: true);
        using var client = app.CreateClient();
        var secrets = app.Service<SandboxSecrets>();

        var opened = await OpenAsync(client, secrets.AppToken);
        var withBotToken = await OpenAsync(client, secrets.BotToken);
        var withNoToken = await OpenAsync(client, null);

        Assert.True((bool)opened["ok"]!, opened.ToJsonString());
        var url = new Uri((string)opened["url"]!);
        Assert.Equal("ws", url.Scheme);
        Assert.Equal(SandboxSocketHub.Path, url.AbsolutePath);
        Assert.Equal("not_allowed_token_type", (string?)withBotToken["error"]);
        Assert.Equal("not_authed", (string?)withNoToken["error"]);

        using var socket = await app.Server.CreateWebSocketClient().ConnectAsync(url, _ct);
        var reuse = await Record.ExceptionAsync(() => app.Server.CreateWebSocketClient().ConnectAsync(url, _ct));
        Assert.NotNull(reuse);
    }

    [Fact]
    public async Task Without_socket_mode_apps_connections_open_refuses_every_token()
    {
        using var app = new SandboxAppFactory();
        using var client = app.CreateClient();

        var opened = await OpenAsync(client, app.Service<SandboxSecrets>().AppToken);

        Assert.Equal("invalid_auth", (string?)opened["error"]);
        Assert.False(app.Service<ISocketModeStatus>().IsEnabled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_slash_command_typed_in_the_sandbox_is_answered_the_same_over_either_transport(bool socketMode)
    {
        using var app = new SandboxAppFactory(socketMode);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/sandbox/ui/compose", new { As = SandboxSeed.AccountExecutive, Channel = SandboxSeed.General, Text = "/usergems help" }, _ct);
        var outcome = (await response.Content.ReadFromJsonAsync<JsonObject>(_ct))!;

        Assert.True(outcome["ok"]!.GetValue<bool>(), outcome.ToJsonString());
        var workspace = app.Service<SandboxWorkspace>();
        var reply = Assert.Single(workspace.MessagesIn(SandboxSeed.General, SandboxSeed.AccountExecutive));
        Assert.True(reply.IsEphemeral);
        Assert.Contains("/usergems workflow create", reply.Text, StringComparison.Ordinal);
        Assert.Empty(workspace.Notices);
    }

    private async Task<JsonObject> OpenAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/api/apps.connections.open");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(_ct))!;
    }
}
