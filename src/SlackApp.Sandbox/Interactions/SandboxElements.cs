using System.Text.Json.Nodes;

namespace SlackApp.Sandbox.Interactions;

/// <summary>
/// Turns what a person chose in an element (the values of the options, users or conversations picked, or the text
/// typed) into the shapes Slack sends: a <c>view.state.values</c> entry and a <c>block_actions</c> action.
/// </summary>
internal static class SandboxElements
{
    /// <summary>The element with <paramref name="actionId"/> in block <paramref name="blockId"/>, wherever it sits in the block.</summary>
    public static JsonObject? Find(JsonArray? blocks, string? blockId, string? actionId)
    {
        foreach (var block in blocks?.OfType<JsonObject>() ?? [])
        {
            if (Text(block, "block_id") != blockId)
            {
                continue;
            }

            return ElementsOf(block).FirstOrDefault(e => Text(e, "action_id") == actionId);
        }

        return null;
    }

    /// <summary>
    /// <c>{block_id: {action_id: {type, …}}}</c> for every input element of <paramref name="blocks"/>: what the person
    /// chose where <paramref name="chosen"/> says, the element's initial value elsewhere.
    /// </summary>
    public static JsonObject StateValues(JsonArray? blocks, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> chosen)
    {
        var values = new JsonObject();
        foreach (var block in blocks?.OfType<JsonObject>() ?? [])
        {
            var blockId = Text(block, "block_id");
            var type = Text(block, "type");
            if (blockId is null || type is not ("input" or "actions" or "section"))
            {
                continue;
            }

            var entries = new JsonObject();
            foreach (var element in ElementsOf(block).Where(e => HoldsState(Text(e, "type"))))
            {
                var actionId = Text(element, "action_id")!;
                var picked = chosen.TryGetValue(blockId, out var byAction) && byAction.TryGetValue(actionId, out var list) ? list : null;
                // Outside input blocks Slack only reports elements the person touched.
                if (picked is null && type != "input")
                {
                    continue;
                }

                entries[actionId] = StateValue(element, picked);
            }

            if (entries.Count > 0)
            {
                values[blockId] = entries;
            }
        }

        return values;
    }

    /// <summary>One <c>state.values</c> entry: the element's type and its value in Slack's shape.</summary>
    public static JsonObject StateValue(JsonObject element, IReadOnlyList<string>? picked)
    {
        var type = Text(element, "type") ?? "unknown";
        var state = new JsonObject { ["type"] = type };
        switch (type)
        {
            case "plain_text_input":
                state["value"] = picked is null ? Text(element, "initial_value") : First(picked) is { Length: > 0 } typed ? typed : null;
                break;
            case "number_input":
                // Slack sends the number as typed, as a string: {"type":"number_input","value":"7"}.
                state["value"] = picked is null ? Text(element, "initial_value") : First(picked) is { Length: > 0 } number ? number : null;
                break;
            case "datepicker":
                state["selected_date"] = picked is null ? Text(element, "initial_date") : First(picked) is { Length: > 0 } date ? date : null;
                break;
            case "timepicker":
                state["selected_time"] = picked is null ? Text(element, "initial_time") : First(picked) is { Length: > 0 } time ? time : null;
                break;
            case "static_select" or "radio_buttons" or "overflow" or "external_select":
                state["selected_option"] = picked is null ? element["initial_option"]?.DeepClone() : Options(element, picked).FirstOrDefault();
                break;
            case "multi_static_select" or "checkboxes" or "multi_external_select":
                state["selected_options"] = picked is null
                    ? element["initial_options"]?.DeepClone() ?? new JsonArray()
                    : new JsonArray([.. Options(element, picked)]);
                break;
            case "users_select":
                state["selected_user"] = picked is null ? Text(element, "initial_user") : First(picked);
                break;
            case "multi_users_select":
                state["selected_users"] = Ids(element, "initial_users", picked);
                break;
            case "conversations_select":
                state["selected_conversation"] = picked is null ? Text(element, "initial_conversation") : First(picked);
                break;
            case "multi_conversations_select":
                state["selected_conversations"] = Ids(element, "initial_conversations", picked);
                break;
            case "channels_select":
                state["selected_channel"] = picked is null ? Text(element, "initial_channel") : First(picked);
                break;
            case "multi_channels_select":
                state["selected_channels"] = Ids(element, "initial_channels", picked);
                break;
        }

        return state;
    }

    /// <summary>The <c>actions[0]</c> entry of a <c>block_actions</c> payload for a click or a choice.</summary>
    public static JsonObject Action(JsonObject element, string blockId, IReadOnlyList<string> picked, string actionTs)
    {
        var action = StateValue(element, picked);
        action["action_id"] = Text(element, "action_id");
        action["block_id"] = blockId;
        action["action_ts"] = actionTs;
        if (Text(element, "type") == "button")
        {
            action["text"] = element["text"]?.DeepClone();
            action["value"] = element["value"]?.DeepClone();
            action["style"] = element["style"]?.DeepClone();
            action["url"] = element["url"]?.DeepClone();
        }

        if (element["placeholder"] is { } placeholder && Text(element, "type") != "button")
        {
            action["placeholder"] = placeholder.DeepClone();
        }

        // Null members are left out, as Slack does for actions.
        foreach (var key in action.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            action.Remove(key);
        }

        return action;
    }

    public static IEnumerable<JsonObject> ElementsOf(JsonObject block)
    {
        if (block["accessory"] is JsonObject accessory)
        {
            yield return accessory;
        }

        if (block["element"] is JsonObject element)
        {
            yield return element;
        }

        if (Text(block, "type") == "actions" && block["elements"] is JsonArray elements)
        {
            foreach (var item in elements.OfType<JsonObject>())
            {
                yield return item;
            }
        }
    }

    private static string? First(IReadOnlyList<string> picked) => picked.Count > 0 ? picked[0] : null;

    private static bool HoldsState(string? type) => type is not (null or "button" or "overflow" or "image");

    private static IEnumerable<JsonNode> Options(JsonObject element, IReadOnlyList<string> values)
    {
        var options = (element["options"] as JsonArray)?.OfType<JsonObject>() ?? [];
        var grouped = (element["option_groups"] as JsonArray)?.OfType<JsonObject>().SelectMany(g => (g["options"] as JsonArray)?.OfType<JsonObject>() ?? []) ?? [];
        var all = options.Concat(grouped).ToList();
        foreach (var value in values)
        {
            if (all.FirstOrDefault(o => Text(o, "value") == value) is { } option)
            {
                yield return option.DeepClone();
            }
        }
    }

    private static JsonArray Ids(JsonObject element, string initialKey, IReadOnlyList<string>? picked) =>
        picked is null
            ? element[initialKey]?.DeepClone() as JsonArray ?? new JsonArray()
            : new JsonArray([.. picked.Where(p => p.Length > 0).Select(p => (JsonNode)JsonValue.Create(p))]);

    private static string? Text(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
