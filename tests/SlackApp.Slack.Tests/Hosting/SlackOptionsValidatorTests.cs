using SlackApp.Slack.Hosting;

namespace SlackApp.Slack.Tests.Hosting;

/// <summary>Start-up checks of the Slack settings, Socket Mode's app token among them.</summary>
public sealed class SlackOptionsValidatorTests
{
    private static readonly SlackOptionsValidator Validator = new();

    [Fact]
    public void Socket_mode_needs_no_signing_secret()
    {
        var result = Validator.Validate(null, new SlackOptions { AppToken = "xapp-1-A0CA5-1-abc", ClientId = "1.2", ClientSecret = "s" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void An_app_token_that_is_not_an_app_level_token_is_refused_without_echoing_it()
    {
        var result = Validator.Validate(null, new SlackOptions { AppToken = "xoxb-secret-bot-token", BotToken = "xoxb-1" });

        Assert.True(result.Failed);
        Assert.Contains("Slack:AppToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("xapp-", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-bot-token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Socket_mode_still_needs_a_bot_token_or_the_oauth_credentials()
    {
        var alone = Validator.Validate(null, new SlackOptions { AppToken = "xapp-1-A0CA5-1-abc" });
        var halfOAuth = Validator.Validate(null, new SlackOptions { AppToken = "xapp-1-A0CA5-1-abc", ClientId = "1.2" });
        var oneWorkspace = Validator.Validate(null, new SlackOptions { AppToken = "xapp-1-A0CA5-1-abc", BotToken = "xoxb-1" });

        Assert.Contains("Slack:BotToken", alone.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Slack:ClientSecret", halfOAuth.FailureMessage, StringComparison.Ordinal);
        Assert.True(oneWorkspace.Succeeded, oneWorkspace.FailureMessage);
    }
}
