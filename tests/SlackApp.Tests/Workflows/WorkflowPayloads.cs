using System.Text.Json.Nodes;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Workflows;

/// <summary>
/// Interactivity payloads shaped as Slack documents them (block_actions from a message or the Home tab,
/// view_submission with view.state.values), signed through <see cref="SlackRequests.Interaction"/>.
/// </summary>
internal static class WorkflowPayloads
{
    public const string ResponseUrl = "https://hooks.slack.test/actions/T0ACME/1234/abcd";

    public static HttpRequestMessage ButtonInMessage(string actionId, string blockId, string value, string userId = "U0ADMIN", string teamId = "T0ACME") =>
        SlackRequests.Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = User(userId, teamId),
            ["api_app_id"] = "A0KRD7HC3",
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = "C2147483705", ["is_ephemeral"] = true },
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "acme" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new JsonObject { ["id"] = "C2147483705", ["name"] = "general" },
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = ResponseUrl,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = actionId,
                ["block_id"] = blockId,
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Button", ["emoji"] = true },
                ["value"] = value,
                ["type"] = "button",
                ["action_ts"] = "1700000001.000200",
            }),
        });

    public static HttpRequestMessage ButtonInHome(string actionId, string blockId, string value, string userId = "U0ADMIN") =>
        HomeAction(userId, new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = blockId,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Button", ["emoji"] = true },
            ["value"] = value,
            ["type"] = "button",
            ["action_ts"] = "1700000001.000200",
        });

    public static HttpRequestMessage OverflowInHome(long workflowId, string verb, string userId = "U0ADMIN") =>
        HomeAction(userId, new JsonObject
        {
            ["type"] = "overflow",
            ["action_id"] = "home.workflow_menu",
            ["block_id"] = $"home.workflow.{workflowId}",
            ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = verb }, ["value"] = $"{verb}:{workflowId}" },
            ["action_ts"] = "1700000001.000200",
        });

    /// <summary>A view_submission of the modal <paramref name="view"/> (as the app sent it) with these input values.</summary>
    public static HttpRequestMessage Submission(JsonObject view, JsonObject values, string userId = "U0ADMIN", string teamId = "T0ACME", string? privateMetadata = null)
    {
        var submitted = (JsonObject)view.DeepClone();
        submitted["id"] = "V0MODAL01";
        submitted["team_id"] = teamId;
        submitted["app_id"] = "A0KRD7HC3";
        submitted["bot_id"] = "B0BOT";
        submitted["hash"] = "1700000000.zzz";
        submitted["root_view_id"] = "V0MODAL01";
        submitted["previous_view_id"] = null;
        submitted["app_installed_team_id"] = teamId;
        submitted["state"] = new JsonObject { ["values"] = values };
        if (privateMetadata is not null)
        {
            submitted["private_metadata"] = privateMetadata;
        }

        return SlackRequests.Interaction(new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "acme" },
            ["user"] = User(userId, teamId),
            ["api_app_id"] = "A0KRD7HC3",
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e1",
            ["view"] = submitted,
            ["response_urls"] = new JsonArray(),
            ["is_enterprise_install"] = false,
            ["enterprise"] = null,
        });
    }

    public static HttpRequestMessage HomeOpened(string userId = "U0ADMIN") =>
        SlackRequests.Event(new JsonObject
        {
            ["type"] = "app_home_opened",
            ["user"] = userId,
            ["channel"] = "D0HOME" + userId,
            ["tab"] = "home",
            ["event_ts"] = "1700000002.000300",
        }, eventId: "Ev" + Guid.NewGuid().ToString("N")[..10]);

    // View state values, as Slack puts them in view.state.values[block_id][action_id].
    public static JsonObject Text(string? value) => new() { ["type"] = "plain_text_input", ["value"] = value };

    public static JsonObject NumberValue(string? value) => new() { ["type"] = "number_input", ["value"] = value };

    public static JsonObject SelectedTime(string? time) => new() { ["type"] = "timepicker", ["selected_time"] = time };

    public static JsonObject Radio(string value) => new() { ["type"] = "radio_buttons", ["selected_option"] = Option(value) };

    public static JsonObject Select(string value) => new() { ["type"] = "static_select", ["selected_option"] = Option(value) };

    public static JsonObject MultiSelect(params string[] values) => new() { ["type"] = "multi_static_select", ["selected_options"] = new JsonArray([.. values.Select(v => (JsonNode)Option(v))]) };

    public static JsonObject Checkboxes(params string[] values) => new() { ["type"] = "checkboxes", ["selected_options"] = new JsonArray([.. values.Select(v => (JsonNode)Option(v))]) };

    public static JsonObject Conversations(params string[] ids) => new() { ["type"] = "multi_conversations_select", ["selected_conversations"] = new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(i))]) };

    public static JsonObject Conversation(string? id) => new() { ["type"] = "conversations_select", ["selected_conversation"] = id };

    public static JsonObject Users(params string[] ids) => new() { ["type"] = "multi_users_select", ["selected_users"] = new JsonArray([.. ids.Select(i => (JsonNode)JsonValue.Create(i))]) };

    private static JsonObject Option(string value) => new() { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value, ["emoji"] = true }, ["value"] = value };

    private static JsonObject User(string userId, string teamId) => new() { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = teamId };

    private static HttpRequestMessage HomeAction(string userId, JsonObject action) =>
        SlackRequests.Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = User(userId, "T0ACME"),
            ["api_app_id"] = "A0KRD7HC3",
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME01" },
            ["trigger_id"] = "13345224609.738474920.8088930838d88f008e2",
            ["team"] = new JsonObject { ["id"] = "T0ACME", ["domain"] = "acme" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["view"] = new JsonObject
            {
                ["id"] = "V0HOME01",
                ["team_id"] = "T0ACME",
                ["type"] = "home",
                ["blocks"] = new JsonArray(),
                ["private_metadata"] = "",
                ["callback_id"] = "home",
                ["state"] = new JsonObject { ["values"] = new JsonObject() },
                ["hash"] = "1700000000.hhh",
                ["app_id"] = "A0KRD7HC3",
                ["bot_id"] = "B0BOT",
                ["app_installed_team_id"] = "T0ACME",
            },
            ["actions"] = new JsonArray(action),
        });
}
