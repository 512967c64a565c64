using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Interactions;

namespace SlackApp.Sandbox.Signals;

/// <summary>
/// The signals panel: ready-made samples (the two examples users describe, and more), sent through the app's real
/// <c>POST /signals/{team_id}</c> signed with the workspace's signal secret.
/// </summary>
internal sealed class SandboxSignals(IHttpClientFactory httpClients, SandboxAddress address, SandboxSecrets secrets, TimeProvider clock)
{
    /// <summary>The samples, each with a fresh id so sending one twice is not taken for a retry.</summary>
    public JsonArray Samples()
    {
        var now = clock.GetUtcNow();
        return
        [
            Sample(
                "New executive at a Closed Lost account",
                "new_hire",
                now,
                new JsonObject
                {
                    ["full_name"] = "Jane Doe",
                    ["title"] = "VP of Sales",
                    ["seniority"] = "vp",
                    ["department"] = "sales",
                    ["email"] = "jane.doe@acme.example",
                    ["linkedin_url"] = "https://www.linkedin.com/in/janedoe",
                    ["previous_company"] = "Globex",
                    ["previous_title"] = "Director of Sales",
                },
                Account("Acme Corp", "acme.example", "0015g00000XyZabAAB", "closed_lost")),
            Sample(
                "Director+ promoted at a Customer account",
                "promotion",
                now,
                new JsonObject
                {
                    ["full_name"] = "Luis Ortega",
                    ["title"] = "Director of Operations",
                    ["seniority"] = "director",
                    ["department"] = "operations",
                    ["previous_title"] = "Senior Operations Manager",
                    ["linkedin_url"] = "https://www.linkedin.com/in/luisortega",
                },
                Account("Initech", "initech.example", "0015g00000AbCdeAAB", "customer")),
            Sample(
                "Past champion joined a target account",
                "job_change",
                now,
                new JsonObject
                {
                    ["full_name"] = "Priya Raman",
                    ["title"] = "Head of Revenue Operations",
                    ["seniority"] = "director",
                    ["relationship"] = "champion",
                    ["previous_company"] = "Hooli",
                    ["previous_title"] = "RevOps Manager",
                },
                Account("Umbrella Health", "umbrella.example", null, "target")),
            Sample(
                "Owner not in Slack (goes to the fallback)",
                "new_hire",
                now,
                new JsonObject { ["full_name"] = "Chris Park", ["title"] = "Chief Revenue Officer", ["seniority"] = "c_level" },
                Account("Stark Logistics", "stark.example", null, "closed_lost", ownerEmail: "former.ae@vendor.example")),
        ];
    }

    /// <summary>Sends <paramref name="body"/> as a signal source would; answers the status and body the app gave.</summary>
    public async Task<JsonObject> SendAsync(string body, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{address.Require()}/signals/{SandboxIdentity.TeamId}")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Signal-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Signal-Signature", Sign(secrets.SignalSecret, timestamp, bytes));
        try
        {
            using var response = await httpClients.CreateClient(SandboxAppClient.HttpClientName).SendAsync(request, cancellationToken);
            return new JsonObject
            {
                ["status"] = (int)response.StatusCode,
                ["content_type"] = response.Content.Headers.ContentType?.MediaType,
                ["body"] = await response.Content.ReadAsStringAsync(cancellationToken),
            };
        }
        catch (HttpRequestException e)
        {
            return new JsonObject { ["status"] = 0, ["body"] = $"The app could not be reached: {e.Message}" };
        }
    }

    /// <summary><c>v1=</c> + hex HMAC-SHA256 over <c>v1:{timestamp}:{body}</c> (SIGNALS.md).</summary>
    public static string Sign(string secret, long timestamp, byte[] body)
    {
        var prefix = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"v1:{timestamp}:"));
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), prefix.Concat(body).ToArray()));
    }

    private static JsonObject Sample(string name, string type, DateTimeOffset now, JsonObject person, JsonObject account) => new()
    {
        ["name"] = name,
        ["signal"] = new JsonObject
        {
            ["id"] = "sig_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)),
            ["type"] = type,
            ["occurred_at"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["person"] = person,
            ["account"] = account,
        },
    };

    private static JsonObject Account(string name, string domain, string? salesforceId, string status, string ownerEmail = "ae@vendor.example")
    {
        var account = new JsonObject
        {
            ["name"] = name,
            ["domain"] = domain,
            ["status"] = status,
            ["owner_email"] = ownerEmail,
            ["csm_email"] = "csm@vendor.example",
            ["sdr_email"] = "sdr@vendor.example",
        };
        if (salesforceId is not null)
        {
            account["salesforce_id"] = salesforceId;
        }

        return account;
    }
}
