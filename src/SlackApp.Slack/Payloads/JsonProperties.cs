using System.Text.Json;

namespace SlackApp.Slack.Payloads;

/// <summary>Tolerant reads of single members from payloads whose shape is not otherwise trusted.</summary>
internal static class JsonProperties
{
    public static string? StringOrNull(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
