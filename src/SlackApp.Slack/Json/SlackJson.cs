using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlackApp.Slack.Json;

/// <summary>The JSON conventions of Slack's wire format: snake_case names, nulls omitted.</summary>
public static class SlackJson
{
    /// <summary>Options for everything the app sends to Slack and reads from it.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            // Slack sends fields we do not model; they are ignored, never an error.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            // Slack does not put "type" first (e.g. {"fallback":..,"type":"image"}); discriminators may sit anywhere.
            AllowOutOfOrderMetadataProperties = true,
            // Slack's mrkdwn is made of <, > and &; writing them as \u003C would only hide them from
            // logs and tests. This JSON never lands in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
