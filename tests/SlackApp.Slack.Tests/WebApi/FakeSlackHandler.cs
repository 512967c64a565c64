using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SlackApp.Slack.Tests.WebApi;

/// <summary>Stands in for Slack: records every request and answers from a script of canned responses.</summary>
internal sealed class FakeSlackHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>Answers when the script is empty.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? Fallback { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public FakeSlackHandler Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public FakeSlackHandler ThenJson(string json, HttpStatusCode status = HttpStatusCode.OK)
        => Then(_ => Json(json, status));

    public FakeSlackHandler ThenThrow(Exception exception) => Then(_ => throw exception);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Text(string text, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.ToString(),
            body));

        if (_script.TryDequeue(out var answer))
        {
            return answer(request);
        }

        return Fallback?.Invoke(request) ?? throw new InvalidOperationException($"No canned answer left for {request.RequestUri}.");
    }
}

/// <summary>One request as the fake Slack saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body)
{
    public string SlackMethod => Uri.Segments[^1];

    public IReadOnlyDictionary<string, string> Form => Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));

    public System.Text.Json.Nodes.JsonObject JsonBody => System.Text.Json.Nodes.JsonNode.Parse(Body)!.AsObject();
}
