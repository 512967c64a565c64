using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Signals;

/// <summary>Signals shaped like SIGNALS.md's example, for tests.</summary>
internal static class SampleSignals
{
    public static Signal NewExecutiveAtClosedLost(string id = "sig_2Kx9a7") => new()
    {
        Id = id,
        Type = SignalType.NewHire,
        OccurredAt = new DateTimeOffset(2026, 11, 20, 15, 4, 5, TimeSpan.Zero),
        Person = new SignalPerson
        {
            FullName = "Jane Doe",
            Title = "VP of Sales",
            Seniority = Seniority.Vp,
            Department = "sales",
            Email = "jane.doe@acme.example",
            LinkedinUrl = "https://www.linkedin.com/in/janedoe",
            PreviousCompany = "Globex",
            PreviousTitle = "Director of Sales",
            Relationship = PersonRelationship.Champion,
        },
        Account = new SignalAccount
        {
            Name = "Acme Corp",
            Domain = "acme.example",
            SalesforceId = "0015g00000XyZabAAB",
            Status = AccountStatus.ClosedLost,
            OwnerEmail = "ae@vendor.example",
            CsmEmail = "csm@vendor.example",
            SdrEmail = "sdr@vendor.example",
        },
    };
}
