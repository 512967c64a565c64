using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Http;
using SlackApp.Slack.Json;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Signing;
using SlackApp.Slack.Telemetry;

namespace SlackApp.Slack.Routing;

/// <summary>
/// The one Slack request URL: reads the raw body once, verifies the signature, parses by shape, and hands the request
/// to <see cref="SlackRequestPipeline"/> (shared with Socket Mode), then writes its answer as HTTP: 200 with the ack's
/// body, 400 for a malformed body, 503 when busy (Slack retries).
/// </summary>
internal sealed class SlackIngressEndpoint
{
    private readonly SlackSignatureVerifier _verifier;
    private readonly SlackRequestPipeline _pipeline;
    private readonly SlackRoutingOptions _options;
    private readonly SlackTelemetry _telemetry;
    private readonly ILogger<SlackIngressEndpoint> _logger;

    public SlackIngressEndpoint(
        SlackSignatureVerifier verifier,
        SlackRequestPipeline pipeline,
        IOptions<SlackRoutingOptions> options,
        SlackTelemetry telemetry,
        ILogger<SlackIngressEndpoint> logger)
    {
        _verifier = verifier;
        _pipeline = pipeline;
        _options = options.Value;
        _telemetry = telemetry;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        // The ack latency runs from receipt to the answer written (events: before their listener runs).
        var started = Stopwatch.GetTimestamp();
        var request = http.Request;
        var body = await CappedRequestBody.ReadAsync(request, _options.MaxRequestBodyBytes, http.RequestAborted);
        if (body is null)
        {
            await WriteTextAsync(http, StatusCodes.Status413PayloadTooLarge, "Request body too large");
            return;
        }

        // Slack's SSL probe is unsigned; it runs nothing, so answering it before verification exposes nothing.
        if (SlackSslCheck.IsProbe(request.ContentType, body))
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var verification = _verifier.Verify(request.Headers[SlackHeaders.Signature], request.Headers[SlackHeaders.RequestTimestamp], body);
        if (!verification.IsValid)
        {
            _logger.LogWarning("Refused a Slack request: {Reason}", verification.Reason);
            await WriteTextAsync(http, StatusCodes.Status401Unauthorized, verification.Reason);
            return;
        }

        var parsedRequest = SlackRequestParser.Parse(request.ContentType, body);
        var redelivery = new SlackRedelivery(NullIfEmpty(request.Headers[SlackHeaders.RetryNum]), NullIfEmpty(request.Headers[SlackHeaders.RetryReason]));
        switch (await _pipeline.HandleAsync(parsedRequest, redelivery, http.RequestAborted))
        {
            case SlackIngressResult.Answered answered:
                if (answered.Body.Json is { } json)
                {
                    await WriteJsonAsync(http, json);
                }
                else
                {
                    http.Response.StatusCode = StatusCodes.Status200OK;
                }

                if (SlackRequestKind.Of(parsedRequest) is { } kind)
                {
                    _telemetry.AckWritten(kind, Stopwatch.GetElapsedTime(started));
                }

                break;
            case SlackIngressResult.Malformed malformed:
                await WriteTextAsync(http, StatusCodes.Status400BadRequest, malformed.Reason);
                break;
            case SlackIngressResult.Busy:
                await WriteTextAsync(http, StatusCodes.Status503ServiceUnavailable, "Busy, try again later");
                break;
            case SlackIngressResult.Abandoned:
                break;
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task WriteTextAsync(HttpContext http, int statusCode, string text)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text, http.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext http, JsonObject json)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(json, SlackJson.Options);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }
}
