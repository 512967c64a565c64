using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Sandbox.Extensions;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;
using static SlackApp.Sandbox.Tests.Answers;

namespace SlackApp.Sandbox.Tests.Extensions;

/// <summary>An app plugs what is its own into the sandbox through an extension; without one the sandbox is Slack only.</summary>
public sealed class SandboxExtensionTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_extension_seeds_configuration_keeps_what_is_configured_and_follows_the_apps_address()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(s => s.Use<EchoExtension>(), ("Echo:Configured", "mine"));
        var configuration = sandbox.App.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("hello", configuration["Echo:Greeting"]);
        Assert.Equal("mine", configuration["Echo:Configured"]);
        Assert.Equal(sandbox.App.Services.GetRequiredService<SandboxAddress>().Require() + "/hooks/echo", configuration["Echo:Hook"]);
        Assert.Equal(sandbox.BotToken, configuration["Slack:BotToken"]);
    }

    [Fact]
    public async Task An_extension_names_the_app_declares_its_command_suggests_it_and_adds_a_channel()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(s => s.Use<EchoExtension>());

        var auth = await sandbox.CallAsync("auth.test", []);
        var state = (await sandbox.Client.GetFromJsonAsync<JsonObject>("/sandbox/ui/state?as=U0YOU", _ct))!;
        var refused = await ComposeAsync(sandbox, "/usergems workflow create");
        var channel = await sandbox.CallFormAsync("conversations.info", ("channel", "C0ECHO"));

        Assert.Equal("echobot", auth["user"]!.GetValue<string>());
        Assert.Equal("Echo Bot", state["app"]!["name"]!.GetValue<string>());
        Assert.Equal("/echo hello", state["app"]!["composer_hint"]!.GetValue<string>());
        Assert.Contains("/usergems is not a valid command", refused["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("echo-room", channel["channel"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_extensions_panel_is_listed_for_the_page_and_its_actions_run_on_the_text_sent()
    {
        await using var sandbox = await SandboxTestHost.StartAsync(s => s.Use<EchoExtension>());

        var panels = (await sandbox.Client.GetFromJsonAsync<JsonArray>("/sandbox/ui/panels", _ct))!;
        var shouted = await sandbox.Client.PostAsync("/sandbox/ui/panels/echo/shout", new StringContent("hello there"), _ct);
        var result = (await shouted.Content.ReadFromJsonAsync<JsonObject>(_ct))!;
        var unknown = await sandbox.Client.PostAsync("/sandbox/ui/panels/nope/shout", new StringContent("x"), _ct);

        var panel = Assert.Single(panels)!;
        Assert.Equal("echo", panel["id"]!.GetValue<string>());
        Assert.Equal("Echo", panel["title"]!.GetValue<string>());
        Assert.Equal("hi", panel["presets"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Shout", panel["actions"]![0]!["label"]!.GetValue<string>());
        Assert.Equal("HELLO THERE", result["output"]!.GetValue<string>());
        Assert.True(result["succeeded"]!.GetValue<bool>());
        Assert.Equal(sandbox.App.Services.GetRequiredService<SandboxAddress>().Require() + "/", result["text"]!.GetValue<string>());
        Assert.Null(result["status"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Without_an_extension_the_app_has_a_plain_name_no_commands_no_hint_and_no_panels()
    {
        await using var sandbox = await SandboxTestHost.StartAsync();

        var state = (await sandbox.Client.GetFromJsonAsync<JsonObject>("/sandbox/ui/state?as=U0YOU", _ct))!;
        var panels = (await sandbox.Client.GetFromJsonAsync<JsonArray>("/sandbox/ui/panels", _ct))!;
        var refused = await ComposeAsync(sandbox, "/echo hello");

        Assert.Equal("App", state["app"]!["name"]!.GetValue<string>());
        Assert.Null(state["app"]!["composer_hint"]);
        Assert.Empty(panels);
        Assert.False(refused["ok"]!.GetValue<bool>());
    }

    private async Task<JsonObject> ComposeAsync(SandboxTestHost sandbox, string text)
    {
        var response = await sandbox.Client.PostAsJsonAsync("/sandbox/ui/compose", new { As = SandboxSeed.You, Channel = SandboxSeed.General, Text = text }, _ct);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(_ct))!;
    }

    /// <summary>An app that is not the product: what an extension can plug in, each kind once.</summary>
    private sealed class EchoExtension : ISandboxExtension
    {
        public void Configure(SandboxExtensionContext sandbox)
        {
            sandbox.AppName = "Echo Bot";
            sandbox.Commands.Add("/echo");
            sandbox.ComposerHint = "/echo hello";
            sandbox.Set("Echo:Greeting", "hello");
            if (sandbox.Configuration["Echo:Configured"] is null)
            {
                sandbox.Set("Echo:Configured", "seeded");
            }

            sandbox.SetFromAddress("Echo:Hook", baseUrl => baseUrl + "/hooks/echo");
            sandbox.AddChannel("C0ECHO", "echo-room", [SandboxSeed.You, SandboxIdentity.BotUserId]);
            sandbox.AddPanel<EchoPanel>();
        }
    }

    /// <summary>Shouts the text back, and puts the app's address in the text box.</summary>
    private sealed class EchoPanel : ISandboxPanel
    {
        public SandboxPanelForm Describe() => new("echo", "Echo")
        {
            Presets = [new SandboxPanelPreset("Greeting", "hi")],
            Actions = [new SandboxPanelAction("shout", "Shout") { IsPrimary = true }],
        };

        public Task<SandboxPanelResult> PerformAsync(SandboxPanelRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new SandboxPanelResult
            {
                Output = request.Text.ToUpperInvariant(),
                Succeeded = request.Action == "shout",
                Text = request.App.BaseAddress!.AbsoluteUri,
            });
    }
}
