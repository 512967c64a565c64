using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SlackApp.Signals;

namespace SlackApp.Benchmarks;

/// <summary>One <c>POST /signals/{team}</c> body, made and signed before the clock starts so the sender costs little.</summary>
internal sealed record SignedBatch(byte[] Body, string Timestamp, string Signature, int Count);

/// <summary>Batches of signals as a signal source sends them (../shared/SIGNALS.md), signed with the workspace's secret.</summary>
internal static class SignedSignals
{
    /// <summary>
    /// Signals <paramref name="first"/>… of <paramref name="type"/>; person i is "Person i" (the fake Slack reads the
    /// number back from the message text) and the account's owner is one of <see cref="FakeSlack.Owners"/>.
    /// </summary>
    public static SignedBatch Batch(string secret, int first, int count, string prefix, string type)
    {
        var body = new JsonObject
        {
            ["signals"] = new JsonArray([.. Enumerable.Range(first, count).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"{prefix}_{i}",
                ["type"] = type,
                ["occurred_at"] = "2026-11-20T15:04:05Z",
                ["person"] = new JsonObject { ["full_name"] = $"Person {i}", ["title"] = "VP of Sales", ["seniority"] = "vp" },
                ["account"] = new JsonObject { ["name"] = "Acme Corp", ["status"] = "closed_lost", ["owner_email"] = FakeSlack.OwnerEmail(i % FakeSlack.Owners) },
            })]),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new SignedBatch(bytes, timestamp.ToString(CultureInfo.InvariantCulture), SignalSignatureVerifier.Sign(secret, timestamp, bytes), count);
    }

    /// <summary>Posts <paramref name="batch"/> and throws unless it was accepted (202).</summary>
    public static async Task PostAsync(HttpClient http, SignedBatch batch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"signals/{AppUnderTest.TeamId}", UriKind.Relative)) { Content = new ByteArrayContent(batch.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SignalSignatureVerifier.TimestampHeader, batch.Timestamp);
        request.Headers.Add(SignalSignatureVerifier.SignatureHeader, batch.Signature);
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /signals answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
