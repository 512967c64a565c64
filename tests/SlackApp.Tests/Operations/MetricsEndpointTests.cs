using System.Net;
using System.Net.Http.Headers;
using SlackApp.Tests.Hosting;
using SlackApp.Tests.Notifications;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Operations;

/// <summary><c>/metrics</c>: absent unless enabled, and then only for a scraper holding the token.</summary>
public sealed class MetricsEndpointTests
{
    private const string Token = "scrape-token-for-tests-0123456789";

    [Fact]
    public async Task Metrics_is_not_served_by_default()
    {
        await using var app = new NotificationsApp(hostedDelivery: false);

        var response = await app.Client.GetAsync(new Uri("/metrics", UriKind.Relative), NotificationsApp.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token-of-enough-length")]
    [InlineData("Basic " + Token)]
    public async Task Metrics_refuses_a_scraper_without_the_token(string? authorization)
    {
        await using var app = Enabled();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await app.Client.SendAsync(request, NotificationsApp.Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("slackapp", await response.Content.ReadAsStringAsync(NotificationsApp.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_serves_prometheus_text_with_the_app_s_counters_to_a_scraper_with_the_token()
    {
        await using var app = Enabled();
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await app.Client.SendAsync(request, NotificationsApp.Ct);
        var text = await response.Content.ReadAsStringAsync(NotificationsApp.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("slackapp_signals_accepted", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_refuses_metrics_enabled_without_a_token()
    {
        using var factory = new SlackAppFactory().With("Telemetry:Prometheus:Enabled", "true");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Telemetry:Prometheus:Token", error.ToString(), StringComparison.Ordinal);
    }

    private static NotificationsApp Enabled() =>
        new(hostedDelivery: false, settings: [("Telemetry:Prometheus:Enabled", "true"), ("Telemetry:Prometheus:Token", Token)]);
}
