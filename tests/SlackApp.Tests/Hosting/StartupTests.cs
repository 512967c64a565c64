using System.Collections.Concurrent;
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

    // Refusals are watched in the built app run as its own process: WebApplicationFactory's deferred host may meet the
    // host the failed start already disposed and throw ObjectDisposedException instead of the app's own error.
    [Fact]
    public async Task Refuses_to_start_with_a_malformed_api_base_url_and_names_the_key()
    {
        var output = await RefusedStartAsync(("Slack:ApiBaseUrl", "not a url"));

        Assert.Contains("Slack:ApiBaseUrl", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_to_start_with_sql_server_but_no_connection_string()
    {
        var output = await RefusedStartAsync(("Database:Provider", "SqlServer"), ("Database:ConnectionString", ""));

        Assert.Contains("Database:ConnectionString", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Never_echoes_a_malformed_bot_token()
    {
        var output = await RefusedStartAsync(("Slack:BotToken", "xoxp-user-token-secret"));

        Assert.Contains("Slack:BotToken", output, StringComparison.Ordinal);
        Assert.DoesNotContain("user-token-secret", output, StringComparison.Ordinal);
    }

    // Starts the app with a working configuration but for `settings`, and returns what it wrote once it has exited
    // with a failure, which it must do before it listens.
    private static async Task<string> RefusedStartAsync(params (string Key, string Value)[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("slackapp-startup-").FullName;
        try
        {
            var configuration = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "slackapp.db")}",
                ["DataProtection:KeysPath"] = Path.Combine(folder, "keys"),
                ["Slack:SigningSecret"] = "startup-test-signing-secret-0000",
                ["Sandbox:Enabled"] = "false",
            };
            foreach (var (key, value) in settings)
            {
                configuration[key] = value;
            }

            var log = new ConcurrentQueue<string>();
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            // A hang guard, not a timing assertion: a refused start ends in about a second.
            patience.CancelAfter(TimeSpan.FromMinutes(1));
            await using var app = ChildApp.Start("refused", configuration, log);
            var exitCode = await app.ExitedAsync(patience.Token);

            var output = string.Join('\n', log);
            Assert.True(exitCode != 0, $"The app started (exit code {exitCode}):\n{output}");
            Assert.Contains(nameof(OptionsValidationException), output, StringComparison.Ordinal);
            return output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
