using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Everything after a request is known to come from Slack, whichever way it came (a signed POST or a Socket Mode
/// envelope): events are de-duplicated by event_id and answered before their listener runs on the bounded queue;
/// interactive listeners start at once and are answered with their ack, or empty at the AckTimeout; a full queue is
/// <see cref="SlackIngressResult.Busy"/>, so that Slack sends the request again.
/// </summary>
internal sealed class SlackRequestPipeline
{
    private readonly SlackDispatcher _dispatcher;
    private readonly SlackHandlerQueue _queue;
    private readonly SlackHandlerQueueWorker _worker;
    private readonly IEventDeduplicator _deduplicator;
    private readonly SlackRoutingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SlackRequestPipeline> _logger;

    public SlackRequestPipeline(
        SlackDispatcher dispatcher,
        SlackHandlerQueue queue,
        SlackHandlerQueueWorker worker,
        IEventDeduplicator deduplicator,
        IOptions<SlackRoutingOptions> options,
        TimeProvider timeProvider,
        ILogger<SlackRequestPipeline> logger)
    {
        _dispatcher = dispatcher;
        _queue = queue;
        _worker = worker;
        _deduplicator = deduplicator;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Runs what <paramref name="parsed"/> holds and tells the transport what to answer; <paramref name="aborted"/> is the sender hanging up.</summary>
    public async Task<SlackIngressResult> HandleAsync(SlackParseResult parsed, SlackRedelivery redelivery, CancellationToken aborted)
    {
        switch (parsed)
        {
            case SlackParseResult.Malformed malformed:
                _logger.LogWarning("Malformed Slack request: {Reason}", malformed.Reason);
                return new SlackIngressResult.Malformed(malformed.Reason);
            case SlackParseResult.Unknown unknown:
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Ignored a Slack {Source} request of unknown type '{Type}'.", unknown.Source, unknown.Type);
                }

                return SlackIngressResult.Empty;
            case SlackParseResult.Parsed { Payload: UrlVerificationPayload verification }:
                return new SlackIngressResult.Answered(new SlackAckBody(new JsonObject { ["challenge"] = verification.Challenge }));
            case SlackParseResult.Parsed { Payload: SslCheckPayload }:
                return SlackIngressResult.Empty;
            case SlackParseResult.Parsed { Payload: AppRateLimitedPayload limited }:
                _logger.LogWarning("Slack rate-limited event deliveries to team {TeamId} for the minute {Minute}.", limited.TeamId, limited.MinuteRateLimited);
                return SlackIngressResult.Empty;
            case SlackParseResult.Parsed { Payload: EventCallbackPayload envelope }:
                return await HandleEventAsync(envelope, redelivery, aborted);
            case SlackParseResult.Parsed parsedPayload:
                return await HandleInteractiveAsync(parsedPayload.Payload, aborted);
            default:
                throw new ArgumentOutOfRangeException(nameof(parsed), parsed, "Unknown parse result.");
        }
    }

    private async Task<SlackIngressResult> HandleEventAsync(EventCallbackPayload envelope, SlackRedelivery redelivery, CancellationToken aborted)
    {
        var eventId = envelope.EventId;
        if (!string.IsNullOrEmpty(eventId) && !await _deduplicator.TryRegisterAsync(eventId, aborted))
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation(
                    "Dropped Slack's redelivery of event {EventId} (retry {RetryNum}, {RetryReason}).",
                    eventId,
                    redelivery.Attempt ?? "",
                    redelivery.Reason ?? "");
            }

            return SlackIngressResult.Empty;
        }

        // Events are answered before their listener runs: Slack only needs to know we have it.
        var acknowledgement = SlackAcknowledgement.AlreadyAnswered(_logger);
        if (!_queue.TryEnqueue(ct => _dispatcher.DispatchAsync(envelope, acknowledgement, ct)))
        {
            if (!string.IsNullOrEmpty(eventId))
            {
                await _deduplicator.ForgetAsync(eventId, aborted);
            }

            return Busy();
        }

        return SlackIngressResult.Empty;
    }

    private async Task<SlackIngressResult> HandleInteractiveAsync(SlackPayload payload, CancellationToken aborted)
    {
        var acknowledgement = new SlackAcknowledgement(_logger);

        // The deadline starts before the listener can, so it always covers the whole run.
        var acknowledged = acknowledgement.Response.WaitAsync(_options.AckTimeout, _timeProvider, aborted);
        if (!_worker.TryRunNow(ct => _dispatcher.DispatchAsync(payload, acknowledgement, ct)))
        {
            return Busy();
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
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // Slack hung up: nobody to answer; the listener keeps running.
            return new SlackIngressResult.Abandoned();
        }

        return new SlackIngressResult.Answered(await acknowledgement.Response);
    }

    private SlackIngressResult.Busy Busy()
    {
        _logger.LogError("The Slack handler queue is full or stopping; refused a request so that Slack may retry.");
        return new SlackIngressResult.Busy();
    }
}
