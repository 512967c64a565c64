namespace SlackApp.Slack.Tests.Routing;

/// <summary>Request bodies shaped as in Slack's documentation, with ids chosen by each test.</summary>
internal static class TestPayloads
{
    public static string SlashCommand(string command = "/usergems", string text = "workflow", string teamId = "T0001") =>
        $"token=gIkuvaNzQIHg97ATvDxqgjtO&team_id={teamId}&team_domain=example&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc"
        + $"&channel_id=C2147483705&channel_name=test&user_id=U2147483697&user_name=Steve&command={Uri.EscapeDataString(command)}"
        + $"&text={Uri.EscapeDataString(text)}&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678"
        + "&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456";

    public static string Button(string actionId, string blockId = "actions-1", string value = "approve", string teamId = "T0001") => $$"""
        {
          "type": "block_actions",
          "team": { "id": "{{teamId}}", "domain": "example" },
          "user": { "id": "U0CA5", "username": "amy", "name": "amy", "team_id": "{{teamId}}" },
          "api_app_id": "A0CA5",
          "container": { "type": "message", "message_ts": "1548261231.000200", "channel_id": "C0CA5", "is_ephemeral": false },
          "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
          "channel": { "id": "C0CA5", "name": "sales" },
          "message": { "type": "message", "ts": "1548261231.000200", "text": "New signal" },
          "response_url": "https://hooks.slack.com/actions/T0001/1232321423432/abc",
          "actions": [
            { "action_id": "{{actionId}}", "block_id": "{{blockId}}", "text": { "type": "plain_text", "text": "Approve" },
              "value": "{{value}}", "type": "button", "action_ts": "1548426417.840180" }
          ]
        }
        """;

    public static string ViewSubmission(string callbackId, string values = "{}") => $$"""
        {
          "type": "view_submission",
          "team": { "id": "T0001", "domain": "example" },
          "user": { "id": "U0CA5", "username": "amy", "name": "amy", "team_id": "T0001" },
          "api_app_id": "A0CA5",
          "trigger_id": "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3",
          "view": {
            "id": "VNHU13V36", "type": "modal", "callback_id": "{{callbackId}}", "private_metadata": "wf-42",
            "hash": "156663117.cd33ad1f", "blocks": [], "state": { "values": {{values}} }
          },
          "response_urls": []
        }
        """;

    public static string BlockSuggestion(string actionId, string value) => $$"""
        {
          "type": "block_suggestion",
          "user": { "id": "U0CA5", "username": "amy", "team_id": "T0001" },
          "container": { "type": "view", "view_id": "V0PKB1ZFV" },
          "api_app_id": "A0CA5",
          "action_id": "{{actionId}}",
          "block_id": "account",
          "value": "{{value}}",
          "team": { "id": "T0001", "domain": "example" }
        }
        """;

    public static string GlobalShortcut(string callbackId) => $$"""
        { "type": "shortcut", "token": "XXXX", "action_ts": "1581106241.371594",
          "team": { "id": "T0001", "domain": "example" }, "user": { "id": "U0CA5", "username": "amy", "team_id": "T0001" },
          "callback_id": "{{callbackId}}", "trigger_id": "944799105734.773906753841.38b5894552bdd4a780554ee59d1f3638" }
        """;

    public static string EventCallback(string eventId, string eventJson, string teamId = "T0001") => $$"""
        {
          "token": "XXYYZZ",
          "team_id": "{{teamId}}",
          "api_app_id": "AXXXXXXXXX",
          "event": {{eventJson}},
          "type": "event_callback",
          "authorizations": [ { "enterprise_id": null, "team_id": "{{teamId}}", "user_id": "UBOT", "is_bot": true, "is_enterprise_install": false } ],
          "event_id": "{{eventId}}",
          "event_time": 1515449522
        }
        """;

    public static string AppHomeOpened(string user = "U061F7AUR") =>
        $$"""{ "type": "app_home_opened", "user": "{{user}}", "channel": "D0LAN2Q65", "tab": "home", "event_ts": "1515449522000016" }""";
}
