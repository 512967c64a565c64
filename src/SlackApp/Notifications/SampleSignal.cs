using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// A made-up signal that matches a workflow, for "Send test": the first trigger type, values its filters ask for, and
/// everything a real signal may carry (a LinkedIn profile, a Salesforce id), so the sample shows every part and
/// button a real notification would.
/// </summary>
public static class SampleSignal
{
    /// <summary>A Salesforce account id of the documented shape (18 letters and digits); it names no real record.</summary>
    public const string SalesforceId = "001000000000000AAA";

    public const string LinkedinUrl = "https://www.linkedin.com/in/jordan-sample-example";

    public static Signal For(Workflow workflow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var filters = workflow.Filters;
        // At least the workflow's minimum seniority, and senior enough to read as a real executive signal.
        var seniority = filters.MinimumSeniority is { } minimum && minimum > Seniority.Vp ? minimum : Seniority.Vp;
        var keyword = filters.TitleKeywords.Select(k => k.Trim()).FirstOrDefault(k => k.Length > 0);
        var department = filters.Departments.Select(d => d.Trim()).FirstOrDefault(d => d.Length > 0) ?? "Sales";
        var type = workflow.SignalTypes.Count > 0 ? workflow.SignalTypes[0] : SignalType.NewHire;
        return new Signal
        {
            Id = $"test_{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            Type = type,
            OccurredAt = now,
            Person = new SignalPerson
            {
                FullName = "Jordan Sample",
                Title = keyword ?? "VP of Sales",
                Seniority = seniority,
                Department = department,
                LinkedinUrl = LinkedinUrl,
                // A promotion happens inside the account: the previous job was there too.
                PreviousCompany = type == SignalType.Promotion ? null : "Globex",
                PreviousTitle = "Director of Sales",
                Relationship = filters.Relationships.Count > 0 ? filters.Relationships[0] : PersonRelationship.Champion,
            },
            Account = new SignalAccount
            {
                Name = "Example Corp",
                Domain = "example.com",
                SalesforceId = SalesforceId,
                OwnerEmail = workflow.Recipients.Roles.Count == 0 ? "owner@example.com" : null,
                Status = filters.AccountStatuses.Count > 0 ? filters.AccountStatuses[0] : AccountStatus.ClosedLost,
            },
        };
    }

    /// <summary>
    /// Who the sample's account people are: the asker holds each role the workflow DMs, so the test reads as that
    /// person's DM would ("You own this account"). A workflow that DMs nobody gets none (its posts go to channels).
    /// </summary>
    public static AccountPeople PeopleFor(Workflow workflow, string askerUserId)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return workflow.Recipients.Roles.Aggregate(AccountPeople.None, (people, role) => people.With(role, askerUserId));
    }

    /// <summary>The signal in the contract's JSON form (SIGNALS.md), as the outbox stores signals.</summary>
    public static string ToContractJson(Signal signal)
    {
        var person = signal.Person;
        var account = signal.Account;
        var json = new JsonObject
        {
            ["id"] = signal.Id,
            ["type"] = SignalNames.Wire(signal.Type),
            ["occurred_at"] = signal.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["person"] = Compact(new JsonObject
            {
                ["full_name"] = person.FullName,
                ["title"] = person.Title,
                ["seniority"] = person.Seniority is { } s ? SignalNames.Wire(s) : null,
                ["department"] = person.Department,
                ["email"] = person.Email,
                ["linkedin_url"] = person.LinkedinUrl,
                ["previous_company"] = person.PreviousCompany,
                ["previous_title"] = person.PreviousTitle,
                ["relationship"] = person.Relationship is { } r ? SignalNames.Wire(r) : null,
            }),
            ["account"] = Compact(new JsonObject
            {
                ["name"] = account.Name,
                ["domain"] = account.Domain,
                ["salesforce_id"] = account.SalesforceId,
                ["status"] = account.Status is { } a ? SignalNames.Wire(a) : null,
                ["owner_email"] = account.OwnerEmail,
                ["csm_email"] = account.CsmEmail,
                ["sdr_email"] = account.SdrEmail,
            }),
        };
        return json.ToJsonString();
    }

    private static JsonObject Compact(JsonObject fields)
    {
        foreach (var name in fields.Where(f => f.Value is null).Select(f => f.Key).ToList())
        {
            fields.Remove(name);
        }

        return fields;
    }
}
