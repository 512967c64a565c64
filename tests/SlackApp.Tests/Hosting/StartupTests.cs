using System.Net;
using Microsoft.Extensions.Options;

namespace SlackApp.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Starts_without_any_slack_credentials_and_answers_health_checks()
    {
        using var factory = new SlackAppFactory(withSlackCredentials: false);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_with_every_setting_of_the_sample_file_left_empty()
    {
        using var factory = new SlackAppFactory(withSlackCredentials: false)
            .With("App:PublicBaseUrl", "").With("Slack:BotToken", "").With("Slack:ClientId", "").With("Slack:ClientSecret", "")
            .With("Signals:Secret", "").With("Salesforce:BaseUrl", "");
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Refuses_to_start_with_a_malformed_api_base_url_and_names_the_key()
    {
        using var factory = new SlackAppFactory().With("Slack:ApiBaseUrl", "not a url");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Slack:ApiBaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_start_with_sql_server_but_no_connection_string()
    {
        using var factory = new SlackAppFactory().With("Database:Provider", "SqlServer").With("Database:ConnectionString", "");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Database:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_echoes_a_malformed_bot_token()
    {
        using var factory = new SlackAppFactory().With("Slack:BotToken", "xoxp-user-token-secret");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Slack:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("user-token-secret", error.Message, StringComparison.Ordinal);
    }
}
