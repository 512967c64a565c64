using System.Text.Json;

namespace SlackApp.Slack.SocketMode;

/// <summary>
/// One message Slack sends on a Socket Mode connection: <c>hello</c>, <c>disconnect</c> (with its reason), or an
/// envelope (<c>events_api</c>, <c>slash_commands</c>, <c>interactive</c>) carrying a payload to ack by envelope_id.
/// </summary>
internal sealed record SocketModeMessage(string Type)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    public string? EnvelopeId { get; init; }

    /// <summary>The payload's JSON text, as an HTTP body would hold it.</summary>
    public string? Payload { get; init; }

    /// <summary>Slack reads a payload in the ack (slash commands, view submissions, options).</summary>
    public bool AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }
    public string? RetryReason { get; init; }

    /// <summary>A <c>disconnect</c>'s reason: <c>refresh_requested</c>, <c>warning</c> or <c>link_disabled</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>A <c>hello</c>'s count of the app's open connections.</summary>
    public int? NumConnections { get; init; }

    /// <summary>A <c>hello</c>'s estimate of how long Slack keeps this connection before asking for a refresh.</summary>
    public TimeSpan? ApproximateConnectionTime { get; init; }

    /// <summary>Parses a text frame; null when it is not a JSON object with a type.</summary>
    public static SocketModeMessage? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") is not { } type)
            {
                return null;
            }

            return new SocketModeMessage(type)
            {
                EnvelopeId = Text(root, "envelope_id"),
                Payload = root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload.GetRawText() : null,
                AcceptsResponsePayload = root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
                RetryAttempt = Number(root, "retry_attempt"),
                RetryReason = Text(root, "retry_reason"),
                Reason = Text(root, "reason"),
                NumConnections = Number(root, "num_connections"),
                ApproximateConnectionTime = root.TryGetProperty("debug_info", out var debug) && debug.ValueKind == JsonValueKind.Object && Number(debug, "approximate_connection_time") is { } seconds
                    ? TimeSpan.FromSeconds(seconds)
                    : null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
