using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using SlackApp.Slack.Json;

namespace SlackApp.Slack.Payloads;

/// <summary>
/// Tells what Slack sent by its shape, as Bolt does: a JSON body is an Events API envelope, a form with
/// <c>payload=</c> is an interaction, any other form is a slash command. Never throws on bad input.
/// </summary>
public static class SlackRequestParser
{
    private const string InteractivitySource = "interactivity";
    private const string EventsSource = "events";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses a raw request body according to its <c>Content-Type</c>.</summary>
    public static SlackParseResult Parse(string? contentType, ReadOnlySpan<byte> body)
    {
        switch (KindOf(contentType, body))
        {
            case BodyKind.Json:
                return ParseEventsApi(body);
            case BodyKind.Form:
                return TryDecode(body, out var form) ? ParseForm(form) : new SlackParseResult.Malformed("Body is not valid UTF-8");
            default:
                return new SlackParseResult.Malformed($"Unsupported content type '{contentType}'");
        }
    }

    /// <summary>Parses the JSON held in an interaction's <c>payload</c> form field.</summary>
    public static SlackParseResult ParseInteraction(string json)
    {
        if (!TryParseObject(json, out var document, out var failure))
        {
            return failure;
        }

        using (document)
        {
            var root = document.RootElement;
            var type = JsonProperties.StringOrNull(root, "type") ?? "";
            return type switch
            {
                "block_actions" => Deserialize<BlockActionsPayload>(root, type),
                "view_submission" => Deserialize<ViewSubmissionPayload>(root, type),
                "view_closed" => Deserialize<ViewClosedPayload>(root, type),
                "block_suggestion" => Deserialize<BlockSuggestionPayload>(root, type),
                "shortcut" => Deserialize<GlobalShortcutPayload>(root, type),
                "message_action" => Deserialize<MessageShortcutPayload>(root, type),
                _ => new SlackParseResult.Unknown(InteractivitySource, type),
            };
        }
    }

    /// <summary>Parses an Events API JSON body.</summary>
    public static SlackParseResult ParseEventsApi(ReadOnlySpan<byte> json)
    {
        if (!TryDecode(json, out var text))
        {
            return new SlackParseResult.Malformed("Body is not valid UTF-8");
        }

        if (!TryParseObject(text, out var document, out var failure))
        {
            return failure;
        }

        using (document)
        {
            var root = document.RootElement;
            var type = JsonProperties.StringOrNull(root, "type") ?? "";
            return type switch
            {
                "url_verification" => Deserialize<UrlVerificationPayload>(root, type),
                "event_callback" => Deserialize<EventCallbackPayload>(root, type),
                "app_rate_limited" => Deserialize<AppRateLimitedPayload>(root, type),
                _ => new SlackParseResult.Unknown(EventsSource, type),
            };
        }
    }

    /// <summary>Parses a bare event object (the <c>event</c> member of an <c>event_callback</c>).</summary>
    public static SlackEvent ParseEvent(JsonElement element) => SlackEventConverter.ReadEvent(element, SlackJson.Options);

    private static SlackParseResult ParseForm(string body)
    {
        var form = QueryHelpers.ParseQuery(body);

        if (form.TryGetValue("payload", out var payload))
        {
            return string.IsNullOrEmpty(payload) ? new SlackParseResult.Malformed("Empty payload field") : ParseInteraction(payload!);
        }

        if (Value(form, "ssl_check") == "1")
        {
            return new SlackParseResult.Parsed(new SslCheckPayload());
        }

        return ParseCommand(name => Value(form, name));
    }

    /// <summary>
    /// Parses a slash command sent over Socket Mode, where the form's fields arrive as one JSON object of strings.
    /// </summary>
    public static SlackParseResult ParseSlashCommand(string json)
    {
        if (!TryParseObject(json, out var document, out var failure))
        {
            return failure;
        }

        using (document)
        {
            var root = document.RootElement;
            return ParseCommand(name => root.TryGetProperty(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => value.GetRawText(),
                }
                : null);
        }
    }

    private static SlackParseResult ParseCommand(Func<string, string?> value)
    {
        var command = value("command");
        if (string.IsNullOrEmpty(command))
        {
            return new SlackParseResult.Malformed("Form body has neither a payload nor a command field");
        }

        return new SlackParseResult.Parsed(new SlashCommand
        {
            Command = command,
            Text = value("text") ?? "",
            TeamId = value("team_id"),
            TeamDomain = value("team_domain"),
            EnterpriseId = value("enterprise_id"),
            EnterpriseName = value("enterprise_name"),
            ChannelId = value("channel_id"),
            ChannelName = value("channel_name"),
            UserId = value("user_id"),
            UserName = value("user_name"),
            ResponseUrl = value("response_url"),
            TriggerId = value("trigger_id"),
            ApiAppId = value("api_app_id"),
            IsEnterpriseInstall = string.Equals(value("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase),
        });
    }

    private static string? Value(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) ? values.ToString() : null;

    private static SlackParseResult Deserialize<T>(JsonElement root, string type)
        where T : SlackPayload
    {
        try
        {
            var payload = root.Deserialize<T>(SlackJson.Options);
            return payload is null || MissesRequiredMember(payload)
                ? new SlackParseResult.Malformed($"Malformed {type} payload: a required member is missing or null")
                : new SlackParseResult.Parsed(payload);
        }
        catch (JsonException exception)
        {
            // STJ messages name the JSON path and the expected type, never the value.
            return new SlackParseResult.Malformed($"Malformed {type} payload: {exception.Message}");
        }
    }

    // `required` catches absent members; an explicit JSON null slips through it, so check the ones listeners rely on.
    private static bool MissesRequiredMember(SlackPayload payload) => payload switch
    {
        ViewSubmissionPayload submission => submission.View is null,
        ViewClosedPayload closed => closed.View is null,
        EventCallbackPayload envelope => envelope.Event is null,
        UrlVerificationPayload verification => verification.Challenge is null,
        _ => false,
    };

    private static bool TryParseObject(string json, out JsonDocument document, out SlackParseResult failure)
    {
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            document = null!;
            failure = new SlackParseResult.Malformed("Body is not valid JSON");
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null!;
            failure = new SlackParseResult.Malformed("JSON body is not an object");
            return false;
        }

        failure = null!;
        return true;
    }

    private static bool TryDecode(ReadOnlySpan<byte> body, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static BodyKind KindOf(string? contentType, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            // No content type: sniff like Bolt does (a JSON body starts with '{').
            var trimmed = body.TrimStart(" \t\r\n"u8);
            return !trimmed.IsEmpty && trimmed[0] == (byte)'{' ? BodyKind.Json : BodyKind.Form;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return BodyKind.Unsupported;
        }

        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Json;
        }

        return mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            ? BodyKind.Form
            : BodyKind.Unsupported;
    }

    private enum BodyKind
    {
        Json,
        Form,
        Unsupported,
    }
}
