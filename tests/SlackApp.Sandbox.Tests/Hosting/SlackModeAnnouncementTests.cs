using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SlackApp.Sandbox.Hosting;

namespace SlackApp.Sandbox.Tests.Hosting;

public sealed class SlackModeAnnouncementTests
{
    [Fact]
    public void With_the_sandbox_disabled_and_no_credentials_it_warns_that_slack_requests_will_be_refused()
    {
        var (level, message) = SlackModeAnnouncement.Describe(Configuration(("Sandbox:Enabled", "false")));

        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("Sandbox:Enabled=false", message, StringComparison.Ordinal);
        Assert.Contains("no Slack credentials are configured", message, StringComparison.Ordinal);
        Assert.Contains("refused (401) until Slack:SigningSecret is set", message, StringComparison.Ordinal);
        Assert.DoesNotContain("credentials are configured;", message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_bot_token_but_no_signing_secret_it_warns_that_slack_requests_will_be_refused()
    {
        var (level, message) = SlackModeAnnouncement.Describe(Configuration(("Slack:BotToken", "xoxb-1-2-abc")));

        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("Slack:SigningSecret is not", message, StringComparison.Ordinal);
        Assert.Contains("refused (401)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_signing_secret_it_says_real_slack_is_used()
    {
        var (level, message) = SlackModeAnnouncement.Describe(Configuration(("Slack:SigningSecret", "8f742231b10e8888abcd99yyyzzz85a5"), ("Slack:ClientId", "1111.2222")));

        Assert.Equal(LogLevel.Information, level);
        Assert.Contains("Slack credentials are configured", message, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", message, StringComparison.Ordinal);
        Assert.DoesNotContain("8f742231", message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_app_token_and_no_signing_secret_it_says_socket_mode_is_used_and_warns_of_nothing()
    {
        var (level, message) = SlackModeAnnouncement.Describe(Configuration(("Slack:AppToken", "xapp-1-A1-2-secret"), ("Slack:BotToken", "xoxb-1-2-abc")));

        Assert.Equal(LogLevel.Information, level);
        Assert.Contains("Socket Mode", message, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
