using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlackApp.Slack.Payloads;

/// <summary>Reads an event by its <c>type</c>, in any member order; unknown types become <see cref="UnknownEvent"/>.</summary>
internal sealed class SlackEventConverter : JsonConverter<SlackEvent>
{
    public override SlackEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return ReadEvent(document.RootElement, options);
    }

    public override void Write(Utf8JsonWriter writer, SlackEvent value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);

    internal static SlackEvent ReadEvent(JsonElement element, JsonSerializerOptions options)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("event must be an object.");
        }

        var type = element.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString() ?? ""
            : "";

        SlackEvent? slackEvent = type switch
        {
            "app_home_opened" => element.Deserialize<AppHomeOpenedEvent>(options),
            "app_uninstalled" => element.Deserialize<AppUninstalledEvent>(options),
            "tokens_revoked" => element.Deserialize<TokensRevokedEvent>(options),
            _ => null,
        };

        // Built by hand: an unmodelled event may use any shape, and must never fail the whole envelope.
        return slackEvent ?? new UnknownEvent
        {
            Type = type,
            EventTs = JsonProperties.StringOrNull(element, "event_ts"),
            Raw = element.Clone(),
        };
    }
}
