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
    private readonly ILogger<SlackIngressEndpoint> _logger;

    public SlackIngressEndpoint(
        SlackSignatureVerifier verifier,
        SlackRequestPipeline pipeline,
        IOptions<SlackRoutingOptions> options,
        ILogger<SlackIngressEndpoint> logger)
    {
        _verifier = verifier;
        _pipeline = pipeline;
        _options = options.Value;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
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
        SlackRequestKindFeature.Mark(http, parsedRequest);
        var redelivery = new SlackRedelivery(NullIfEmpty(request.Headers[SlackHeaders.RetryNum]), NullIfEmpty(request.Headers[SlackHeaders.RetryReason]));
        switch (await _pipeline.HandleAsync(parsedRequest, redelivery, http.RequestAborted))
        {
            case SlackIngressResult.Answered { Body.Json: { } json }:
                await WriteJsonAsync(http, json);
                break;
            case SlackIngressResult.Answered:
                http.Response.StatusCode = StatusCodes.Status200OK;
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
