namespace SlackApp.Workflows;

/// <summary>
/// The contract's wire names (<c>new_hire</c>, <c>closed_lost</c>, ...) and the labels people read
/// ("New hire", "Closed Lost"), for every vocabulary enum, in one place.
/// </summary>
public static class SignalNames
{
    private static readonly Dictionary<SignalType, (string Wire, string Label)> Types = new()
    {
        [SignalType.JobChange] = ("job_change", "Job change"),
        [SignalType.NewHire] = ("new_hire", "New hire"),
        [SignalType.Promotion] = ("promotion", "Promotion"),
        [SignalType.ContactLeft] = ("contact_left", "Contact left"),
    };

    private static readonly Dictionary<Seniority, (string Wire, string Label)> Seniorities = new()
    {
        [Seniority.IndividualContributor] = ("individual_contributor", "Individual contributor"),
        [Seniority.Manager] = ("manager", "Manager"),
        [Seniority.Director] = ("director", "Director"),
        [Seniority.Vp] = ("vp", "VP"),
        [Seniority.CLevel] = ("c_level", "C-level"),
    };

    private static readonly Dictionary<AccountStatus, (string Wire, string Label)> Statuses = new()
    {
        [AccountStatus.Customer] = ("customer", "Customer"),
        [AccountStatus.OpenOpportunity] = ("open_opportunity", "Open Opportunity"),
        [AccountStatus.ClosedLost] = ("closed_lost", "Closed Lost"),
        [AccountStatus.Target] = ("target", "Target"),
        [AccountStatus.Other] = ("other", "Other"),
    };

    private static readonly Dictionary<PersonRelationship, (string Wire, string Label)> Relationships = new()
    {
        [PersonRelationship.Champion] = ("champion", "Champion"),
        [PersonRelationship.Buyer] = ("buyer", "Buyer"),
        [PersonRelationship.User] = ("user", "User"),
        [PersonRelationship.Prospect] = ("prospect", "Prospect"),
        [PersonRelationship.Other] = ("other", "Other"),
    };

    private static readonly Dictionary<AccountRole, (string Wire, string Label)> Roles = new()
    {
        [AccountRole.Owner] = ("owner", "Account owner (AE)"),
        [AccountRole.Csm] = ("csm", "CSM"),
        [AccountRole.Sdr] = ("sdr", "SDR"),
    };

    public static string Wire(SignalType value) => Types[value].Wire;
    public static string Wire(Seniority value) => Seniorities[value].Wire;
    public static string Wire(AccountStatus value) => Statuses[value].Wire;
    public static string Wire(PersonRelationship value) => Relationships[value].Wire;
    public static string Wire(AccountRole value) => Roles[value].Wire;

    public static string Label(SignalType value) => Types[value].Label;
    public static string Label(Seniority value) => Seniorities[value].Label;
    public static string Label(AccountStatus value) => Statuses[value].Label;
    public static string Label(PersonRelationship value) => Relationships[value].Label;
    public static string Label(AccountRole value) => Roles[value].Label;

    public static bool TryParse(string? wire, out SignalType value) => TryParse(Types, wire, out value);
    public static bool TryParse(string? wire, out Seniority value) => TryParse(Seniorities, wire, out value);
    public static bool TryParse(string? wire, out AccountStatus value) => TryParse(Statuses, wire, out value);
    public static bool TryParse(string? wire, out PersonRelationship value) => TryParse(Relationships, wire, out value);
    public static bool TryParse(string? wire, out AccountRole value) => TryParse(Roles, wire, out value);

    public static IEnumerable<string> WireNames<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => v switch
        {
            SignalType t => Wire(t),
            Seniority s => Wire(s),
            AccountStatus a => Wire(a),
            PersonRelationship p => Wire(p),
            AccountRole r => Wire(r),
            _ => throw new ArgumentException($"{typeof(T).Name} is not a signal vocabulary."),
        });

    private static bool TryParse<T>(Dictionary<T, (string Wire, string Label)> names, string? wire, out T value)
        where T : struct, Enum
    {
        foreach (var (key, name) in names)
        {
            if (string.Equals(name.Wire, wire, StringComparison.Ordinal))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
