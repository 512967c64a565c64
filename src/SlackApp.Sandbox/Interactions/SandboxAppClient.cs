using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.SocketMode;

namespace SlackApp.Sandbox.Interactions;

/// <summary>
/// Sends Slack's requests to the app exactly as Slack does: to its request URL (<c>/slack/events</c>) as a form for slash
/// commands, <c>payload=</c> for interactions, JSON for events, each signed with the signing secret (v0); or, in Socket
/// Mode, as envelopes on the app's connection, answered by their ack. Either way the caller gets the same answer.
/// </summary>
internal sealed class SandboxAppClient(
    IHttpClientFactory httpClients,
    SandboxAddress address,
    SandboxSecrets secrets,
    SandboxSocketHub sockets,
    IOptions<SandboxOptions> options,
    TimeProvider clock)
{
    public const string HttpClientName = SandboxAddress.HttpClientName;
    public const string RequestPath = "/slack/events";

    public Task<SandboxAppAnswer> SendCommandAsync(IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        if (!options.Value.SocketMode)
        {
            return SendAsync(FormBody(form), "application/x-www-form-urlencoded", cancellationToken);
        }

        // Over Socket Mode the command's form fields arrive as one JSON object.
        var fields = new JsonObject();
        foreach (var (key, value) in form)
        {
            fields[key] = value;
        }

        return sockets.SendAsync("slash_commands", fields, acceptsResponsePayload: true, options.Value.RequestTimeout, cancellationToken);
    }

    public Task<SandboxAppAnswer> SendInteractionAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        if (!options.Value.SocketMode)
        {
            return SendAsync(FormBody([new("payload", payload.ToJsonString())]), "application/x-www-form-urlencoded", cancellationToken);
        }

        // Slack reads a payload in the ack only where the HTTP answer's body counts too.
        var acceptsResponsePayload = (string?)payload["type"] is "view_submission" or "block_suggestion";
        return sockets.SendAsync("interactive", payload, acceptsResponsePayload, options.Value.RequestTimeout, cancellationToken);
    }

    public Task<SandboxAppAnswer> SendEventAsync(JsonObject envelope, CancellationToken cancellationToken) =>
        options.Value.SocketMode
            ? sockets.SendAsync("events_api", envelope, acceptsResponsePayload: false, options.Value.RequestTimeout, cancellationToken)
            : SendAsync(envelope.ToJsonString(), "application/json", cancellationToken);

    /// <summary>Slack's <c>X-Slack-Signature</c> for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string signingSecret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:{body}")));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    private async Task<SandboxAppAnswer> SendAsync(string body, string contentType, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, address.Require() + RequestPath)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", Sign(secrets.SigningSecret, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Slackbot 1.0 (+https://api.slack.com/robots)");

        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return new SandboxAppAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            return new SandboxAppAnswer(0, $"The app could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SandboxAppAnswer(0, "operation_timeout: the app did not answer in time");
        }
    }

    private static string FormBody(IEnumerable<KeyValuePair<string, string>> form) =>
        string.Join('&', form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
}

/// <summary>The app's HTTP answer to one of Slack's requests.</summary>
internal sealed record SandboxAppAnswer(int Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The JSON object answered, or null for an empty (or non-JSON) body.</summary>
    public JsonObject? Json
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Body))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(Body) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
