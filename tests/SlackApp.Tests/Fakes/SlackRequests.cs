using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SlackApp.Slack.Signing;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.Fakes;

/// <summary>Requests as Slack sends them to <c>POST /slack/events</c>, signed with the test signing secret.</summary>
public static class SlackRequests
{
    public static HttpRequestMessage SlashCommand(string text, string teamId = "T0ACME", string userId = "U0ADMIN", string triggerId = "13345224609.738474920.8088930838d88f008e0") =>
        SignedRequest(Form(new Dictionary<string, string>
        {
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["team_id"] = teamId,
            ["team_domain"] = "acme",
            ["channel_id"] = "C2147483705",
            ["channel_name"] = "general",
            ["user_id"] = userId,
            ["user_name"] = "alice",
            ["command"] = "/usergems",
            ["text"] = text,
            ["api_app_id"] = "A0KRD7HC3",
            ["is_enterprise_install"] = "false",
            ["response_url"] = "https://hooks.slack.test/commands/1234/5678",
            ["trigger_id"] = triggerId,
        }), "application/x-www-form-urlencoded");

    /// <summary>An Events API delivery; <paramref name="retryNum"/> marks one of Slack's retries.</summary>
    public static HttpRequestMessage Event(JsonObject @event, string teamId = "T0ACME", string eventId = "Ev0PV52K21", int? retryNum = null)
    {
        var body = new JsonObject
        {
            ["token"] = "XXYYZZ",
            ["team_id"] = teamId,
            ["api_app_id"] = "A0KRD7HC3",
            ["event"] = @event,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1700000000,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = teamId, ["user_id"] = "U0BOT", ["is_bot"] = true, ["is_enterprise_install"] = false }),
        };
        var request = SignedRequest(body.ToJsonString(), "application/json");
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    /// <summary>An interactivity payload (block_actions, view_submission, ...), form-encoded as <c>payload=</c>.</summary>
    public static HttpRequestMessage Interaction(JsonObject payload, DateTimeOffset? at = null) =>
        SignedRequest(Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded", at);

    public static HttpRequestMessage SignedRequest(string body, string contentType, DateTimeOffset? at = null, string secret = SlackAppFactory.SigningSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/slack/events", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add(SlackHeaders.RequestTimestamp, timestamp);
        request.Headers.Add(SlackHeaders.Signature, SlackSignatureVerifier.ComputeSignature(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
