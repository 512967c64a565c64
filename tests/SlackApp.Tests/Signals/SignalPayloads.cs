using System.Text;
using System.Text.Json.Nodes;
using SlackApp.Workflows;

namespace SlackApp.Tests.Signals;

/// <summary>Signal bodies written from the example and field table of SIGNALS.md.</summary>
internal static class SignalPayloads
{
    /// <summary>The contract's example signal, with <paramref name="id"/>.</summary>
    public static JsonObject NewHire(string id = "sig_2Kx9a7") => new()
    {
        ["id"] = id,
        ["type"] = "new_hire",
        ["occurred_at"] = "2026-11-20T15:04:05Z",
        ["person"] = new JsonObject
        {
            ["full_name"] = "Jane Doe",
            ["title"] = "VP of Sales",
            ["seniority"] = "vp",
            ["department"] = "sales",
            ["email"] = "jane.doe@acme.example",
            ["linkedin_url"] = "https://www.linkedin.com/in/janedoe",
            ["previous_company"] = "Globex",
            ["previous_title"] = "Director of Sales",
            ["relationship"] = "champion",
        },
        ["account"] = new JsonObject
        {
            ["name"] = "Acme Corp",
            ["domain"] = "acme.example",
            ["salesforce_id"] = "0015g00000XyZabAAB",
            ["status"] = "closed_lost",
            ["owner_email"] = "ae@vendor.example",
            ["csm_email"] = "csm@vendor.example",
            ["sdr_email"] = "sdr@vendor.example",
        },
    };

    /// <summary>Only the required fields.</summary>
    public static JsonObject Minimal(string id) => new()
    {
        ["id"] = id,
        ["type"] = "job_change",
        ["occurred_at"] = "2026-11-20T15:04:05+01:00",
        ["person"] = new JsonObject { ["full_name"] = "John Roe" },
        ["account"] = new JsonObject { ["name"] = "Initech" },
    };

    public static JsonObject Batch(IEnumerable<JsonNode> signals) => new() { ["signals"] = new JsonArray([.. signals]) };

    public static JsonObject Batch(int count, string prefix = "sig_") => Batch(Enumerable.Range(0, count).Select(i => Minimal($"{prefix}{i}")));

    /// <summary>Sets (or, with null, removes) the field at a dotted path such as <c>person.full_name</c>.</summary>
    public static JsonObject With(this JsonObject signal, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var parent = signal;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!.AsObject();
        }

        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value;
        }

        return signal;
    }

    /// <summary>
    /// Gives the signal a person of its own (<c>{id}@acme.example</c>): the same person twice within a week would be a
    /// duplicate, not sent again.
    /// </summary>
    public static JsonObject WithOwnPerson(this JsonObject signal) => signal.With("person.email", $"{signal["id"]}@acme.example");

    public static byte[] Utf8(this JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
