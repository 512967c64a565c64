using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Telemetry;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.SocketMode;

/// <summary>Calls <c>apps.connections.open</c> with the app-level token for the URL of a new connection.</summary>
internal sealed class SocketModeUrlOpener(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SlackOptions> slack,
    IOptions<SocketModeOptions> options,
    TimeProvider time,
    SlackTelemetry telemetry,
    ILogger<SocketModeUrlOpener> logger)
{
    /// <summary>The WebSocket URL; a <see cref="SlackApiException"/> when Slack refuses or cannot be reached.</summary>
    public async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        var token = slack.CurrentValue.AppToken ?? throw new InvalidOperationException("Slack:AppToken is not set.");
        var transport = new SlackApiTransport(httpClients.CreateClient(SlackHttpClientNames.WebApi), slack, time, telemetry, logger);
        var result = await transport.PostFormAsync<AppsConnectionsOpenResult>(SlackApiMethods.AppsConnectionsOpen, token, [], cancellationToken);
        if (!Uri.TryCreate(result.Url, UriKind.Absolute, out var url) || (url.Scheme != "wss" && url.Scheme != "ws"))
        {
            throw new SlackApiException(SlackApiMethods.AppsConnectionsOpen, SlackErrorCodes.InvalidResponse);
        }

        return options.Value.DebugReconnects ? new Uri(url + (string.IsNullOrEmpty(url.Query) ? "?" : "&") + "debug_reconnects=true") : url;
    }

    /// <summary>
    /// True when Slack refused the token itself: trying again cannot help, so start-up fails instead of looping.
    /// </summary>
    public static bool IsRefusal(SlackApiException exception) => exception.Error is
        "invalid_auth" or "not_authed" or "account_inactive" or "not_allowed_token_type" or "token_revoked" or "token_expired" or "missing_scope";
}
