using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Telemetry;
using SlackApp.Slack.Hosting;

namespace SlackApp.Slack.WebApi;

/// <summary>Calls <c>oauth.v2.access</c> form-encoded, with the client credentials in the body as Bolt does.</summary>
internal sealed class SlackOAuthClient(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    SlackTelemetry telemetry,
    ILogger<SlackOAuthClient> logger) : ISlackOAuthClient
{
    public Task<OAuthV2AccessResult> ExchangeCodeAsync(string code, string? redirectUri, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var form = ClientCredentials();
        form.Add(new("code", code));
        if (!string.IsNullOrEmpty(redirectUri))
        {
            form.Add(new("redirect_uri", redirectUri));
        }

        return Transport().PostFormAsync<OAuthV2AccessResult>(SlackApiMethods.OAuthV2Access, null, form, cancellationToken);
    }

    public Task<OAuthV2AccessResult> RefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        var form = ClientCredentials();
        form.Add(new("grant_type", "refresh_token"));
        form.Add(new("refresh_token", refreshToken));
        return Transport().PostFormAsync<OAuthV2AccessResult>(SlackApiMethods.OAuthV2Access, null, form, cancellationToken);
    }

    private List<KeyValuePair<string, string>> ClientCredentials()
    {
        var slack = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(slack.ClientId) || string.IsNullOrWhiteSpace(slack.ClientSecret))
        {
            throw new InvalidOperationException($"{SlackOptions.SectionName}:{nameof(SlackOptions.ClientId)} and {SlackOptions.SectionName}:{nameof(SlackOptions.ClientSecret)} must be set to use OAuth.");
        }

        return [new("client_id", slack.ClientId), new("client_secret", slack.ClientSecret)];
    }

    private SlackApiTransport Transport() => new(httpClients.CreateClient(SlackHttpClientNames.WebApi), options, time, telemetry, logger);
}
