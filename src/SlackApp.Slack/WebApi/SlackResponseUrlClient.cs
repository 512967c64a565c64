using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace SlackApp.Slack.WebApi;

/// <summary>Posts JSON to a <c>response_url</c>; Slack answers a plain <c>ok</c>, or JSON, or an error in either form.</summary>
internal sealed class SlackResponseUrlClient(IHttpClientFactory httpClients, ILogger<SlackResponseUrlClient> logger) : ISlackResponseUrlClient
{
    private const string Method = SlackApiMethods.ResponseUrl;

    public async Task SendAsync(string responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseUrl);
        var http = httpClients.CreateClient(SlackHttpClientNames.ResponseUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = SlackApiTransport.JsonContent(ReplyJson.Of(message)),
        };

        using var response = await SlackApiTransport.SendOrThrowAsync(http, Method, request, cancellationToken);
        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        var error = ErrorIn(text);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Slack response_url answered HTTP {Status}", (int)response.StatusCode);
        }

        if (!response.IsSuccessStatusCode || error is not null)
        {
            throw new SlackApiException(Method, error ?? SlackErrorCodes.HttpError, response.IsSuccessStatusCode ? null : response.StatusCode);
        }
    }

    // "ok" or {"ok":true} is success; {"ok":false,"error":"…"} or a bare code such as "expired_url" is the error.
    private static string? ErrorIn(string text)
    {
        if (text.Length == 0 || text == "ok")
        {
            return null;
        }

        if (text.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
                {
                    return null;
                }

                return root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                    ? error.GetString()
                    : SlackErrorCodes.InvalidResponse;
            }
            catch (JsonException)
            {
                return SlackErrorCodes.InvalidResponse;
            }
        }

        // Plain-text error codes are short snake_case words; anything else is not Slack's.
        return text.Length <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? text : SlackErrorCodes.InvalidResponse;
    }
}
