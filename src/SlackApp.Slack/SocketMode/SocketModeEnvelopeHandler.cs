using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Slack.Telemetry;

namespace SlackApp.Slack.SocketMode;

/// <summary>
/// Runs one envelope through the same pipeline as <c>POST /slack/events</c> (no signature: the socket itself is
/// authenticated by the app token) and acks it on the connection it came on. An envelope Slack sends again is run
/// once; one refused as busy is not acked, so that Slack sends it again.
/// </summary>
internal sealed class SocketModeEnvelopeHandler(SlackRequestPipeline pipeline, IEventDeduplicator deduplicator, SlackTelemetry telemetry, ILogger<SocketModeEnvelopeHandler> logger)
{
    // Envelope ids share the event de-duplication store (and its window) under their own prefix.
    private const string KeyPrefix = "envelope:";

    public async Task HandleAsync(SocketModeConnection connection, SocketModeMessage envelope, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var envelopeId = envelope.EnvelopeId!;
        var key = KeyPrefix + envelopeId;
        if (!await deduplicator.TryRegisterAsync(key, cancellationToken))
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Acked Slack's redelivery of envelope {EnvelopeId} (attempt {RetryAttempt}) without running it again.", envelopeId, envelope.RetryAttempt);
            }

            await connection.AckAsync(envelopeId, null, cancellationToken);
            return;
        }

        var redelivery = new SlackRedelivery(envelope.RetryAttempt is > 0 and var attempt ? attempt.ToString(CultureInfo.InvariantCulture) : null, envelope.RetryReason);
        var parsed = Parse(envelope);
        switch (await pipeline.HandleAsync(parsed, redelivery, cancellationToken))
        {
            case SlackIngressResult.Answered answered:
                // The same measure as over HTTP: from receipt to the ack written (not when the socket was already gone).
                if (await connection.AckAsync(envelopeId, envelope.AcceptsResponsePayload ? answered.Body.Json : null, cancellationToken)
                    && SlackRequestKind.Of(parsed) is { } kind)
                {
                    telemetry.AckWritten(kind, Stopwatch.GetElapsedTime(started));
                }

                break;
            case SlackIngressResult.Malformed:
                // Slack would only send the same unreadable payload again.
                await connection.AckAsync(envelopeId, null, cancellationToken);
                break;
            case SlackIngressResult.Busy:
                // No ack: Slack sends it again, and then it must run.
                await deduplicator.ForgetAsync(key, cancellationToken);
                break;
            case SlackIngressResult.Abandoned:
                break;
        }
    }

    private static SlackParseResult Parse(SocketModeMessage envelope)
    {
        if (envelope.Payload is not { } payload)
        {
            return new SlackParseResult.Malformed($"Socket Mode {envelope.Type} envelope without a payload object");
        }

        return envelope.Type switch
        {
            SocketModeMessage.EventsApi => SlackRequestParser.ParseEventsApi(Encoding.UTF8.GetBytes(payload)),
            SocketModeMessage.SlashCommands => SlackRequestParser.ParseSlashCommand(payload),
            SocketModeMessage.Interactive => SlackRequestParser.ParseInteraction(payload),
            _ => new SlackParseResult.Unknown("socket_mode", envelope.Type),
        };
    }
}
