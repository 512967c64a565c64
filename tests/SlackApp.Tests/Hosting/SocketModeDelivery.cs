using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SlackApp.Slack.Signing;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Hosting;

/// <summary>
/// Turns the requests tests build for <c>POST /slack/events</c> (see <see cref="SlackRequests"/>) into the Socket Mode
/// envelopes Slack would send instead, and the ack into the HTTP answer Slack's POST would have got (200, the ack's
/// payload as body), so a test asserts both transports the same way. Every other request goes to the app over HTTP.
/// </summary>
internal sealed class SocketModeDelivery(FakeSlackSocket socket) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath != "/slack/events" || request.Content is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = await request.Content.ReadAsStringAsync(cancellationToken);
        var (type, payload, acceptsResponsePayload) = request.Content.Headers.ContentType?.MediaType == "application/json"
            ? ("events_api", JsonNode.Parse(body)!, false)
            : FromForm(body);
        var retryAttempt = request.Headers.TryGetValues(SlackHeaders.RetryNum, out var retries) ? int.Parse(retries.First(), CultureInfo.InvariantCulture) : 0;

        var ack = await socket.DeliverAsync(type, payload, acceptsResponsePayload, retryAttempt, cancellationToken);
        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        response.Content = ack is null ? new StringContent(string.Empty) : new StringContent(ack, Encoding.UTF8, "application/json");
        return response;
    }

    private static (string Type, JsonNode Payload, bool AcceptsResponsePayload) FromForm(string body)
    {
        var form = QueryHelpers.ParseQuery(body);
        if (form.TryGetValue("payload", out var interaction))
        {
            var payload = JsonNode.Parse(interaction.ToString())!;
            // Slack reads an ack's payload only where the HTTP answer's body counts.
            return ("interactive", payload, (string?)payload["type"] is "view_submission" or "block_suggestion");
        }

        // A slash command's form fields arrive as one JSON object.
        var fields = new JsonObject();
        foreach (var (key, value) in form)
        {
            fields[key] = value.ToString();
        }

        return ("slash_commands", fields, true);
    }
}
