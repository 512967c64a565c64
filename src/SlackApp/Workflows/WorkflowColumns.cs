using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlackApp.Workflows;

/// <summary>
/// How a workflow's lists are stored: JSON with the contract's wire names (<c>closed_lost</c>), so the
/// stored form survives renaming a C# enum member.
/// </summary>
internal static class WorkflowColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string SignalTypes(IEnumerable<SignalType> types) => string.Join(',', types.Distinct().Select(SignalNames.Wire));

    public static IReadOnlyList<SignalType> SignalTypes(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => SignalNames.TryParse(w, out SignalType t) ? t : (SignalType?)null).OfType<SignalType>().ToList();

    public static string Filters(WorkflowFilters filters) => JsonSerializer.Serialize(new StoredFilters
    {
        MinimumSeniority = filters.MinimumSeniority is { } s ? SignalNames.Wire(s) : null,
        AccountStatuses = filters.AccountStatuses.Select(SignalNames.Wire).ToList(),
        Departments = filters.Departments.ToList(),
        Relationships = filters.Relationships.Select(SignalNames.Wire).ToList(),
        TitleKeywords = filters.TitleKeywords.ToList(),
    }, Json);

    public static WorkflowFilters Filters(string stored)
    {
        var filters = JsonSerializer.Deserialize<StoredFilters>(stored, Json) ?? new StoredFilters();
        return new WorkflowFilters
        {
            MinimumSeniority = SignalNames.TryParse(filters.MinimumSeniority, out Seniority s) ? s : null,
            AccountStatuses = Parse<AccountStatus>(filters.AccountStatuses, SignalNames.TryParse),
            Departments = filters.Departments,
            Relationships = Parse<PersonRelationship>(filters.Relationships, SignalNames.TryParse),
            TitleKeywords = filters.TitleKeywords,
        };
    }

    public static string Recipients(WorkflowRecipients recipients) => JsonSerializer.Serialize(new StoredRecipients
    {
        ChannelIds = recipients.ChannelIds.ToList(),
        Roles = recipients.Roles.Select(SignalNames.Wire).ToList(),
        UserIds = recipients.UserIds.ToList(),
    }, Json);

    public static WorkflowRecipients Recipients(string stored)
    {
        var recipients = JsonSerializer.Deserialize<StoredRecipients>(stored, Json) ?? new StoredRecipients();
        return new WorkflowRecipients
        {
            ChannelIds = recipients.ChannelIds,
            Roles = Parse<AccountRole>(recipients.Roles, SignalNames.TryParse),
            UserIds = recipients.UserIds,
        };
    }

    private delegate bool TryParser<T>(string? wire, out T value);

    private static List<T> Parse<T>(IEnumerable<string> wires, TryParser<T> parse) =>
        wires.Select(w => parse(w, out var v) ? (true, v) : (false, default!)).Where(p => p.Item1).Select(p => p.Item2).ToList();

    private sealed record StoredFilters
    {
        public string? MinimumSeniority { get; init; }
        public List<string> AccountStatuses { get; init; } = [];
        public List<string> Departments { get; init; } = [];
        public List<string> Relationships { get; init; } = [];
        public List<string> TitleKeywords { get; init; } = [];
    }

    private sealed record StoredRecipients
    {
        public List<string> ChannelIds { get; init; } = [];
        public List<string> Roles { get; init; } = [];
        public List<string> UserIds { get; init; } = [];
    }
}
