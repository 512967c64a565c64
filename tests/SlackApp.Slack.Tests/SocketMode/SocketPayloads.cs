using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SlackApp.Slack.Tests.Routing;

namespace SlackApp.Slack.Tests.SocketMode;

/// <summary>Payloads as Slack puts them in Socket Mode envelopes.</summary>
internal static class SocketPayloads
{
    /// <summary>A slash command: over Socket Mode the form's fields arrive as one JSON object of strings.</summary>
    public static string SlashCommand(string text = "workflow")
    {
        var json = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(TestPayloads.SlashCommand(text: text)))
        {
            json[key] = value.ToString();
        }

        return json.ToJsonString();
    }
}
