using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.WebApi;

public sealed class SlackWebApiRegistrationTests
{
    [Fact]
    public async Task Binds_the_slack_sections_from_configuration()
    {
        var slack = new FakeSlackHandler();
        slack.ThenJson("""{"ok":true,"team_id":"T1"}""");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = "http://sandbox.test/api/",
            ["Slack:WebApi:MaxRetryAttempts"] = "1",
            ["Slack:OAuth:Scopes:0"] = "chat:write",
            ["Slack:OAuth:Scopes:1"] = "commands",
            ["Slack:OAuth:StateLifetime"] = "00:05:00",
        }).Build());
        services.AddSlackOAuth();
        services.AddHttpClient(SlackHttpClientNames.WebApi).ConfigurePrimaryHttpMessageHandler(() => slack);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ISlackApiClientFactory>().ForToken("xoxb-1").AuthTestAsync(TestContext.Current.CancellationToken);

        Assert.Equal("http://sandbox.test/api/auth.test", Assert.Single(slack.Requests).Uri.ToString());
        Assert.Equal(1, provider.GetRequiredService<IOptions<SlackWebApiOptions>>().Value.MaxRetryAttempts);
        var oauth = provider.GetRequiredService<IOptions<SlackOAuthOptions>>().Value;
        Assert.Equal(["chat:write", "commands"], oauth.Scopes);
        Assert.Equal(TimeSpan.FromMinutes(5), oauth.StateLifetime);
    }

    [Fact]
    public async Task Registering_twice_does_not_stack_a_second_retry_pipeline()
    {
        using var host = new SlackTestHost(services => services.AddSlackWebApi().AddSlackOAuth());
        host.Slack.Fallback = _ => FakeSlackHandler.Text("", HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<SlackApiException>(() => host.Client.UsersInfoAsync("W1", TestContext.Current.CancellationToken));

        Assert.Equal(3, host.Slack.Requests.Count);
    }

    [Fact]
    public async Task No_retries_when_retries_are_configured_off()
    {
        using var host = new SlackTestHost(maxRetryAttempts: 0);
        host.Slack.Fallback = _ => FakeSlackHandler.Text("", HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<SlackApiException>(() => host.Client.UsersInfoAsync("W1", TestContext.Current.CancellationToken));

        Assert.Single(host.Slack.Requests);
    }
}
