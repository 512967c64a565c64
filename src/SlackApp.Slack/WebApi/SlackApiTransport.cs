using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Json;
using SlackApp.Slack.Telemetry;

namespace SlackApp.Slack.WebApi;

/// <summary>Sends one Web API call and turns Slack's answer into a typed result or a <see cref="SlackApiException"/>.</summary>
internal sealed class SlackApiTransport(HttpClient http, IOptionsMonitor<SlackOptions> options, TimeProvider time, SlackTelemetry telemetry, ILogger logger)
{
    private const string JsonMediaType = "application/json";

    /// <summary>POST with a JSON body; needs a token (Slack reads JSON bodies only with an Authorization header).</summary>
    public Task<T> PostJsonAsync<T>(string method, string token, JsonObject body, CancellationToken cancellationToken)
        => SendAsync<T>(method, token, JsonContent(body), cancellationToken);

    /// <summary>A JSON request body, as Slack reads it (UTF-8, <c>application/json</c>).</summary>
    internal static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(SlackJson.Options), Encoding.UTF8, JsonMediaType);

    /// <summary>POST with a form-encoded body, for methods that do not read JSON; <paramref name="token"/> is null for oauth.v2.access.</summary>
    public Task<T> PostFormAsync<T>(string method, string? token, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
        => SendAsync<T>(method, token, new FormUrlEncodedContent(form), cancellationToken);

    // Each call is a span and a duration sample, tagged with Slack's answer: ok, or its error code.
    private async Task<T> SendAsync<T>(string method, string? token, HttpContent? content, CancellationToken cancellationToken)
    {
        using var activity = SlackTelemetry.Source.StartActivity("slack.api " + method, ActivityKind.Client);
        activity?.SetTag("slack.method", method);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await CallAsync<T>(method, token, content, cancellationToken);
        }
        catch (SlackApiException e)
        {
            outcome = e.Error;
            activity?.SetStatus(ActivityStatusCode.Error, e.Error);
            if (e is SlackRateLimitedException)
            {
                telemetry.RateLimited(method);
            }

            throw;
        }
        catch (Exception e)
        {
            outcome = e is OperationCanceledException ? "cancelled" : "exception";
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            throw;
        }
        finally
        {
            telemetry.ApiCalled(method, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<T> CallAsync<T>(string method, string? token, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method)) { Content = content };
        request.Options.Set(SlackRetryRules.MethodKey, method);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await SendOrThrowAsync(http, method, request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Slack API {Method} answered HTTP {Status}", method, (int)response.StatusCode);
        }

        var envelope = TryRead<SlackApiEnvelope>(body);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || IsRateLimited(envelope?.Error))
        {
            throw new SlackRateLimitedException(method, RetryAfterOf(response, time), response.StatusCode, envelope?.Error ?? SlackErrorCodes.RateLimited);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, envelope?.Error ?? SlackErrorCodes.HttpError, response.StatusCode, envelope?.Details, envelope?.Warning);
        }

        if (envelope is null)
        {
            throw new SlackApiException(method, SlackErrorCodes.InvalidResponse, response.StatusCode);
        }

        if (!envelope.Ok)
        {
            throw new SlackApiException(method, envelope.Error ?? SlackErrorCodes.InvalidResponse, null, envelope.Details, envelope.Warning);
        }

        if (envelope.Warning is { } warning)
        {
            logger.LogWarning("Slack API {Method} warned: {Warning} {Details}", method, warning, envelope.ResponseMetadata?.Warnings);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, SlackJson.Options)
                ?? throw new SlackApiException(method, SlackErrorCodes.InvalidResponse, response.StatusCode);
        }
        catch (JsonException ex)
        {
            throw new SlackApiException(method, SlackErrorCodes.InvalidResponse, response.StatusCode, [ex.Message], innerException: ex);
        }
    }

    /// <summary>Sends <paramref name="request"/>; a timeout or network failure becomes a <see cref="SlackApiException"/> naming <paramref name="method"/>.</summary>
    internal static async Task<HttpResponseMessage> SendOrThrowAsync(HttpClient http, string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new SlackApiException(method, SlackErrorCodes.RequestTimeout, innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, not the caller, cancelled the call.
            throw new SlackApiException(method, SlackErrorCodes.RequestTimeout, innerException: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SlackApiException(method, SlackErrorCodes.NetworkError, innerException: ex);
        }
    }

    private Uri MethodUri(string method)
    {
        var baseUrl = options.CurrentValue.ApiBaseUrl;
        return new Uri(baseUrl.EndsWith('/') ? baseUrl + method : $"{baseUrl}/{method}");
    }

    private static bool IsRateLimited(string? error) => error is SlackErrorCodes.RateLimited or SlackErrorCodes.RateLimitedLegacy;

    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static TEnvelope? TryRead<TEnvelope>(byte[] body)
        where TEnvelope : class
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TEnvelope>(body, SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
