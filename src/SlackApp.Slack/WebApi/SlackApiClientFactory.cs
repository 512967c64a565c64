using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Telemetry;

namespace SlackApp.Slack.WebApi;

/// <summary>Creates token-bound clients over the named <see cref="SlackHttpClientNames.WebApi"/> HttpClient.</summary>
internal sealed class SlackApiClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    SlackTelemetry telemetry,
    ILogger<SlackApiClient> logger) : ISlackApiClientFactory
{
    public ISlackApiClient ForToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new SlackApiClient(new SlackApiTransport(httpClients.CreateClient(SlackHttpClientNames.WebApi), options, time, telemetry, logger), token);
    }
}
