using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SlackApp.LocalSandbox;

/// <summary>
/// The signals panel's samples: the two examples users describe, and more, for the people and channels the sandbox
/// workspace seeds (their owners' emails are its members').
/// </summary>
public static class SandboxSampleSignals
{
    /// <summary>The samples by name, each with a fresh id so sending one twice is not taken for a retry.</summary>
    public static IReadOnlyList<(string Name, JsonObject Signal)> At(DateTimeOffset now) =>
    [
        (
            "New executive at a Closed Lost account",
            Signal(
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
                Account("Acme Corp", "acme.example", "0015g00000XyZabAAB", "closed_lost"))),
        (
            "Director+ promoted at a Customer account",
            Signal(
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
                Account("Initech", "initech.example", "0015g00000AbCdeAAB", "customer"))),
        (
            "Past champion joined a target account",
            Signal(
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
                Account("Umbrella Health", "umbrella.example", null, "target"))),
        (
            "Owner not in Slack (goes to the fallback)",
            Signal(
                "new_hire",
                now,
                new JsonObject { ["full_name"] = "Chris Park", ["title"] = "Chief Revenue Officer", ["seniority"] = "c_level" },
                Account("Stark Logistics", "stark.example", null, "closed_lost", ownerEmail: "former.ae@vendor.example"))),
    ];

    /// <summary>A new signal id, as the samples carry.</summary>
    public static string NewId() => "sig_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    private static JsonObject Signal(string type, DateTimeOffset now, JsonObject person, JsonObject account) => new()
    {
        ["id"] = NewId(),
        ["type"] = type,
        ["occurred_at"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["person"] = person,
        ["account"] = account,
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
