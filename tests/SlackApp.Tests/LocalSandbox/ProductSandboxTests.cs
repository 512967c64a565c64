using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SlackApp.LocalSandbox;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Workspace;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.LocalSandbox;

/// <summary>What the product plugs into the sandbox: the settings it seeds there, its name, command and channel.</summary>
public sealed class ProductSandboxTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public void In_sandbox_mode_it_seeds_a_new_signal_secret_the_sample_salesforce_url_and_the_apps_own_address()
    {
        using var app = new LocalSandboxApp();
        using var client = app.CreateClient();
        var configuration = app.Service<IConfiguration>();

        Assert.Matches("^[0-9a-f]{48}$", configuration["Signals:Secret"]);
        Assert.Equal("https://sandbox.my.salesforce.com", configuration["Salesforce:BaseUrl"]);
        Assert.Equal(app.Service<SandboxAddress>().Require() + "/", configuration["App:PublicBaseUrl"]);
    }

    [Fact]
    public void What_is_configured_is_kept_over_what_it_would_seed()
    {
        using var app = new LocalSandboxApp()
            .With("Signals:Secret", "configured-signal-secret")
            .With("Salesforce:BaseUrl", "https://acme.my.salesforce.com")
            .With("App:PublicBaseUrl", "https://slackapp.acme.example/");
        using var client = app.CreateClient();
        var configuration = app.Service<IConfiguration>();

        Assert.Equal("configured-signal-secret", configuration["Signals:Secret"]);
        Assert.Equal("configured-signal-secret", app.Service<SignalsSandboxPanel>().Secret);
        Assert.Equal("https://acme.my.salesforce.com", configuration["Salesforce:BaseUrl"]);
        Assert.Equal("https://slackapp.acme.example/", configuration["App:PublicBaseUrl"]);
    }

    [Fact]
    public void With_real_slack_configured_it_seeds_nothing()
    {
        using var app = new SlackAppFactory();
        using var client = app.CreateClient();
        var configuration = app.Service<IConfiguration>();

        Assert.Null(configuration["Signals:Secret"]);
        Assert.Null(configuration["Salesforce:BaseUrl"]);
        Assert.Null(configuration["App:PublicBaseUrl"]);
    }

    [Fact]
    public async Task The_workspace_shows_the_app_as_UserGems_suggests_its_command_and_has_the_fallback_channel()
    {
        using var app = new LocalSandboxApp();
        using var client = app.CreateClient();

        var state = (await client.GetFromJsonAsync<JsonObject>("/sandbox/ui/state?as=U0YOU", _ct))!;
        var fallback = app.Service<SandboxWorkspace>().Channel(ProductSandbox.FallbackChannelId);

        Assert.Equal("UserGems", state["app"]!["name"]!.GetValue<string>());
        Assert.Equal("/usergems workflow create", state["app"]!["composer_hint"]!.GetValue<string>());
        Assert.NotNull(fallback);
        Assert.Equal("signal-fallback", fallback.Name);
        Assert.Equal([SandboxSeed.Csm, SandboxSeed.You], fallback.Members.Order(StringComparer.Ordinal));
        Assert.Equal("usergems", app.Service<SandboxWorkspace>().Bot.Name);
    }
}
