namespace SlackApp.AdminApi;

/// <summary>
/// A workflow as the admin API takes it (POST, PUT, and each item of an import) and as an export writes it. Enumerated
/// values are the signal API's wire names (<c>new_hire</c>, <c>closed_lost</c>, <c>vp</c>, <c>owner</c>). Channels may be
/// ids (<c>C…</c>, <c>G…</c>) or names (<c>#deals</c>, <c>deals</c>); users ids (<c>U…</c>, <c>W…</c>) or emails.
/// </summary>
public sealed record WorkflowInput
{
    public string? Name { get; init; }

    /// <summary>Active (true, the default) or paused.</summary>
    public bool? Enabled { get; init; }

    public IReadOnlyList<string>? SignalTypes { get; init; }

    public WorkflowFiltersInput? Filters { get; init; }

    public WorkflowRecipientsInput? Recipients { get; init; }

    /// <summary>Where a role's DM goes when its person is not in Slack; null: the workspace's default.</summary>
    public string? FallbackChannel { get; init; }

    public WorkflowDeliveryInput? Delivery { get; init; }
}

/// <summary>Conditions a signal must all meet; an empty list is "any".</summary>
public sealed record WorkflowFiltersInput
{
    /// <summary>e.g. <c>director</c> for Director and above; null: any.</summary>
    public string? MinimumSeniority { get; init; }

    public IReadOnlyList<string>? AccountStatuses { get; init; }

    public IReadOnlyList<string>? Departments { get; init; }

    public IReadOnlyList<string>? Relationships { get; init; }

    public IReadOnlyList<string>? TitleKeywords { get; init; }
}

/// <summary>Who is told: channels, account roles (by DM) and people (by DM); at least one in all.</summary>
public sealed record WorkflowRecipientsInput
{
    public IReadOnlyList<string>? Channels { get; init; }

    public IReadOnlyList<string>? Roles { get; init; }

    public IReadOnlyList<string>? Users { get; init; }
}

/// <summary>How notifications go out. Missing values take the modal's defaults.</summary>
public sealed record WorkflowDeliveryInput
{
    /// <summary><c>instant</c> (default), <c>digest</c> or <c>daily_digest</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>For <c>digest</c>: 5 to 1440; default 60.</summary>
    public int? DigestEveryMinutes { get; init; }

    /// <summary>For <c>daily_digest</c>: <c>HH:mm</c>, in each reader's time zone; default 09:00.</summary>
    public string? DailyAt { get; init; }

    /// <summary>0 (off) to 90; default 7.</summary>
    public int? DuplicateWindowDays { get; init; }

    /// <summary>1 to 500 per recipient and day; null: no cap.</summary>
    public int? DailyCap { get; init; }

    /// <summary>1 to 168; null: no escalation. Needs <see cref="EscalateToUser"/> or <see cref="EscalateToChannel"/>.</summary>
    public int? EscalateAfterHours { get; init; }

    public string? EscalateToUser { get; init; }

    public string? EscalateToChannel { get; init; }
}
