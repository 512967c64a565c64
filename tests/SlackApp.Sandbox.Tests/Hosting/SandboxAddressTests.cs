using Microsoft.Extensions.Configuration;
using SlackApp.Sandbox.Hosting;

namespace SlackApp.Sandbox.Tests.Hosting;

public sealed class SandboxAddressTests
{
    [Theory]
    [InlineData(null, "http://localhost:5080", "http://localhost:5080")]
    [InlineData(null, "https://+:5081;http://+:5080", "http://localhost:5080")]
    [InlineData(null, "http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://sandbox.internal:9000/", "http://localhost:5080", "http://sandbox.internal:9000")]
    [InlineData(null, null, "http://localhost")]
    public void The_expected_base_url_prefers_the_setting_then_the_first_http_url_with_a_reachable_host(string? configured, string? urls, string expected)
    {
        Assert.Equal(expected, SandboxAddress.Expected(configured, urls));
    }

    [Fact]
    public void Sandbox_mode_is_wanted_only_without_any_slack_credential_and_unless_switched_off()
    {
        Assert.True(SandboxMode.IsWanted(Configuration()));
        Assert.False(SandboxMode.IsWanted(Configuration(("Slack:SigningSecret", "s"))));
        Assert.False(SandboxMode.IsWanted(Configuration(("Slack:BotToken", "xoxb-1"))));
        Assert.False(SandboxMode.IsWanted(Configuration(("Slack:ClientId", "1.2"))));
        Assert.False(SandboxMode.IsWanted(Configuration(("Sandbox:Enabled", "false"))));
        Assert.True(SandboxMode.IsWanted(Configuration(("Slack:SigningSecret", " "), ("Sandbox:Enabled", "true"))));
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] pairs) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            .Build();
}
