using System.Net.Http.Json;
using System.Text.Json;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.Routing;

/// <summary>Posts to a <c>response_url</c> as JSON over HTTP; Slack answers <c>ok</c> or a JSON error.</summary>
public sealed class HttpResponseUrlClient : IResponseUrlClient
{
    /// <summary>The named <see cref="HttpClient"/> used for response URLs.</summary>
    public const string HttpClientName = "SlackApp.Slack.ResponseUrl";

    private readonly IHttpClientFactory _httpClientFactory;

    public HttpResponseUrlClient(IHttpClientFactory httpClientFactory) => _httpClientFactory = httpClientFactory;

    public async Task RespondAsync(string responseUrl, ResponseMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(responseUrl);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var content = JsonContent.Create(message, options: SlackJson.Options);
        using var response = await client.PostAsync(responseUrl, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        // The URL itself is a bearer capability: it never appears in the exception.
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Slack refused the response_url post: HTTP {(int)response.StatusCode} {Truncate(body)}", null, response.StatusCode);
        }

        if (ErrorOf(body) is { } error)
        {
            throw new HttpRequestException($"Slack refused the response_url post: {error}", null, response.StatusCode);
        }
    }

    private static string? ErrorOf(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False
                ? root.TryGetProperty("error", out var error) ? error.ToString() : "ok=false"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200];
}
