
namespace SlackApp.Workflows;

/// <summary>Who hears about which signals in one workspace: a trigger, optional filters, and recipients.</summary>
public sealed record Workflow
{
    public const int MaxNameLength = 60;

    public long Id { get; init; }

    public required string TeamId { get; init; }

    /// <summary>Unique in the workspace (case-insensitive), 1–60 characters.</summary>
    public required string Name { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>The signal types that trigger it; at least one.</summary>
    public required IReadOnlyList<SignalType> SignalTypes { get; init; }

    public WorkflowFilters Filters { get; init; } = new();

    public required WorkflowRecipients Recipients { get; init; }

    /// <summary>Where a role's DM goes when its person is not in Slack; the workspace default applies when null.</summary>
    public string? FallbackChannelId { get; init; }

    /// <summary>How its notifications go out: instantly or as digests, with its duplicate window and daily cap.</summary>
    public WorkflowDelivery Delivery { get; init; } = WorkflowDelivery.Default;

    public string? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? UpdatedBy { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Bumped by every change; a save carrying an older version is refused (optimistic concurrency).</summary>
    public int Version { get; init; } = 1;
}

/// <summary>Optional conditions on a signal, all of which must hold (AND); an empty list means "any".</summary>
public sealed record WorkflowFilters
{
    /// <summary>e.g. <see cref="Seniority.Director"/> for "Director+".</summary>
    public Seniority? MinimumSeniority { get; init; }

    public IReadOnlyList<AccountStatus> AccountStatuses { get; init; } = [];

    /// <summary>Compared case-insensitively with the person's department.</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    public IReadOnlyList<PersonRelationship> Relationships { get; init; } = [];

    /// <summary>Any one of these, as a whole word or phrase in the title, case-insensitive.</summary>
    public IReadOnlyList<string> TitleKeywords { get; init; } = [];
}

/// <summary>Where a match is delivered: channels, account roles by DM, and specific people.</summary>
public sealed record WorkflowRecipients
{
    /// <summary>Public or private channel ids (<c>C…</c>, <c>G…</c>).</summary>
    public IReadOnlyList<string> ChannelIds { get; init; } = [];

    /// <summary>Account roles whose person gets a DM, resolved by email when the signal arrives.</summary>
    public IReadOnlyList<AccountRole> Roles { get; init; } = [];

    /// <summary>Specific Slack users (<c>U…</c>) who get a DM.</summary>
    public IReadOnlyList<string> UserIds { get; init; } = [];

    public bool IsEmpty => ChannelIds.Count == 0 && Roles.Count == 0 && UserIds.Count == 0;
}
