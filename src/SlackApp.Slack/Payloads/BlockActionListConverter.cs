using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlackApp.Slack.Payloads;

/// <summary>Reads <c>actions[]</c> by each element's <c>type</c>, in any member order; unknown kinds become <see cref="UnknownAction"/>.</summary>
internal sealed class BlockActionListConverter : JsonConverter<IReadOnlyList<BlockAction>>
{
    public override IReadOnlyList<BlockAction> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("actions must be an array.");
        }

        return [.. document.RootElement.EnumerateArray().Select(element => ReadAction(element, options))];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<BlockAction> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var action in value)
        {
            JsonSerializer.Serialize(writer, action, action.GetType(), options);
        }

        writer.WriteEndArray();
    }

    internal static BlockAction ReadAction(JsonElement element, JsonSerializerOptions options)
    {
        var type = JsonProperties.StringOrNull(element, "type");

        BlockAction? action = type switch
        {
            "button" => element.Deserialize<ButtonAction>(options),
            "static_select" or "external_select" => element.Deserialize<SelectAction>(options),
            "multi_static_select" or "multi_external_select" => element.Deserialize<MultiSelectAction>(options),
            "users_select" => element.Deserialize<UsersSelectAction>(options),
            "multi_users_select" => element.Deserialize<MultiUsersSelectAction>(options),
            "conversations_select" => element.Deserialize<ConversationsSelectAction>(options),
            "multi_conversations_select" => element.Deserialize<MultiConversationsSelectAction>(options),
            "channels_select" => element.Deserialize<ChannelsSelectAction>(options),
            "multi_channels_select" => element.Deserialize<MultiChannelsSelectAction>(options),
            "overflow" => element.Deserialize<OverflowAction>(options),
            "checkboxes" => element.Deserialize<CheckboxesAction>(options),
            "radio_buttons" => element.Deserialize<RadioButtonsAction>(options),
            "datepicker" => element.Deserialize<DatepickerAction>(options),
            "plain_text_input" => element.Deserialize<PlainTextInputAction>(options),
            _ => null,
        };

        // Built by hand: an unmodelled element may use any shape, and must never fail the whole payload.
        return action ?? new UnknownAction
        {
            Type = type ?? "",
            ActionId = JsonProperties.StringOrNull(element, "action_id") ?? "",
            BlockId = JsonProperties.StringOrNull(element, "block_id"),
            ActionTs = JsonProperties.StringOrNull(element, "action_ts"),
            Raw = element.Clone(),
        };
    }
}
