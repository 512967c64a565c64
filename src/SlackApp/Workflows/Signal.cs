namespace SlackApp.Workflows;

/// <summary>A fact about a person at one of a workspace's accounts, as a signal source sent it (see SIGNALS.md).</summary>
public sealed record Signal
{
    /// <summary>The source's id: unique per workspace, so a repeated id is a retry.</summary>
    public required string Id { get; init; }

    public required SignalType Type { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required SignalPerson Person { get; init; }

    public required SignalAccount Account { get; init; }
}

/// <summary>Who the signal is about.</summary>
public sealed record SignalPerson
{
    public required string FullName { get; init; }
    public string? Title { get; init; }
    public Seniority? Seniority { get; init; }
    public string? Department { get; init; }
    public string? Email { get; init; }
    public string? LinkedinUrl { get; init; }
    public string? PreviousCompany { get; init; }
    public string? PreviousTitle { get; init; }
    public PersonRelationship? Relationship { get; init; }
}

/// <summary>The account (company) the signal happened at, with the people who own it on the vendor's side.</summary>
public sealed record SignalAccount
{
    public required string Name { get; init; }
    public string? Domain { get; init; }
    public string? SalesforceId { get; init; }
    public AccountStatus? Status { get; init; }
    public string? OwnerEmail { get; init; }
    public string? CsmEmail { get; init; }
    public string? SdrEmail { get; init; }

    /// <summary>The email of the person holding <paramref name="role"/> on this account, if the signal names one.</summary>
    public string? EmailOf(AccountRole role) => role switch
    {
        AccountRole.Owner => OwnerEmail,
        AccountRole.Csm => CsmEmail,
        AccountRole.Sdr => SdrEmail,
        _ => null,
    };
}
