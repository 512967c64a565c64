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
/// The one Slack request URL: reads the raw body once, verifies the signature, parses by shape, and answers
/// Slack as soon as the listener acks (events: before it runs). Events wait on the bounded handler queue; interactive
/// listeners start at once, since their ack (and trigger_id) must reach Slack within 3 seconds.
/// </summary>
internal sealed class SlackIngressEndpoint
{
    private readonly SlackSignatureVerifier _verifier;
    private readonly SlackDispatcher _dispatcher;
    private readonly SlackHandlerQueue _queue;
    private readonly SlackHandlerQueueWorker _worker;
    private readonly IEventDeduplicator _deduplicator;
    private readonly SlackRoutingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SlackIngressEndpoint> _logger;

    public SlackIngressEndpoint(
        SlackSignatureVerifier verifier,
        SlackDispatcher dispatcher,
        SlackHandlerQueue queue,
        SlackHandlerQueueWorker worker,
        IEventDeduplicator deduplicator,
        IOptions<SlackRoutingOptions> options,
        TimeProvider timeProvider,
        ILogger<SlackIngressEndpoint> logger)
    {
        _verifier = verifier;
        _dispatcher = dispatcher;
        _queue = queue;
        _worker = worker;
        _deduplicator = deduplicator;
        _options = options.Value;
        _timeProvider = timeProvider;
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
        switch (parsedRequest)
        {
            case SlackParseResult.Malformed malformed:
                _logger.LogWarning("Malformed Slack request: {Reason}", malformed.Reason);
                await WriteTextAsync(http, StatusCodes.Status400BadRequest, malformed.Reason);
                break;
            case SlackParseResult.Unknown unknown:
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Ignored a Slack {Source} request of unknown type '{Type}'.", unknown.Source, unknown.Type);
                }

                http.Response.StatusCode = StatusCodes.Status200OK;
                break;
            case SlackParseResult.Parsed { Payload: UrlVerificationPayload verificationPayload }:
                await WriteJsonAsync(http, new JsonObject { ["challenge"] = verificationPayload.Challenge });
                break;
            case SlackParseResult.Parsed { Payload: SslCheckPayload }:
                http.Response.StatusCode = StatusCodes.Status200OK;
                break;
            case SlackParseResult.Parsed { Payload: AppRateLimitedPayload limited }:
                _logger.LogWarning("Slack rate-limited event deliveries to team {TeamId} for the minute {Minute}.", limited.TeamId, limited.MinuteRateLimited);
                http.Response.StatusCode = StatusCodes.Status200OK;
                break;
            case SlackParseResult.Parsed { Payload: EventCallbackPayload envelope }:
                await HandleEventAsync(http, envelope);
                break;
            case SlackParseResult.Parsed parsed:
                await HandleInteractiveAsync(http, parsed.Payload);
                break;
        }
    }

    private async Task HandleEventAsync(HttpContext http, EventCallbackPayload envelope)
    {
        var eventId = envelope.EventId;
        if (!string.IsNullOrEmpty(eventId) && !await _deduplicator.TryRegisterAsync(eventId, http.RequestAborted))
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation(
                "Dropped Slack's redelivery of event {EventId} (retry {RetryNum}, {RetryReason}).",
                eventId,
                http.Request.Headers[SlackHeaders.RetryNum].ToString(),
                http.Request.Headers[SlackHeaders.RetryReason].ToString());
            }
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        // Events are answered before their listener runs: Slack only needs to know we have it.
        var acknowledgement = SlackAcknowledgement.AlreadyAnswered(_logger);
        if (!_queue.TryEnqueue(ct => _dispatcher.DispatchAsync(envelope, acknowledgement, ct)))
        {
            if (!string.IsNullOrEmpty(eventId))
            {
                await _deduplicator.ForgetAsync(eventId, http.RequestAborted);
            }

            await RefuseBusyAsync(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task HandleInteractiveAsync(HttpContext http, SlackPayload payload)
    {
        var acknowledgement = new SlackAcknowledgement(_logger);

        // The deadline starts before the listener can, so it always covers the whole run.
        var acknowledged = acknowledgement.Response.WaitAsync(_options.AckTimeout, _timeProvider, http.RequestAborted);
        if (!_worker.TryRunNow(ct => _dispatcher.DispatchAsync(payload, acknowledgement, ct)))
        {
            await RefuseBusyAsync(http);
            return;
        }

        try
        {
            await acknowledged;
        }
        catch (TimeoutException)
        {
            if (acknowledgement.TryAnswer(SlackAckBody.Empty) && _logger.IsEnabled(LogLevel.Warning))
            {
                _logger.LogWarning(
                    "Slack {Request} was not acknowledged within {Timeout}; answered an empty 200 while the listener keeps running.",
                    SlackDispatcher.Describe(payload),
                    _options.AckTimeout);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // Slack hung up: nobody to answer; the listener keeps running.
            return;
        }

        var answer = await acknowledgement.Response;
        if (answer.Json is null)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
        }
        else
        {
            await WriteJsonAsync(http, answer.Json);
        }
    }

    private async Task RefuseBusyAsync(HttpContext http)
    {
        _logger.LogError("The Slack handler queue is full or stopping; refused a request with 503 so that Slack may retry.");
        await WriteTextAsync(http, StatusCodes.Status503ServiceUnavailable, "Busy, try again later");
    }

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
