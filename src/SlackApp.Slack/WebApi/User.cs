namespace SlackApp.Slack.WebApi;

/// <summary>A workspace member as <c>users.info</c> and <c>users.lookupByEmail</c> report it.</summary>
public sealed record User
{
    public required string Id { get; init; }
    public string? TeamId { get; init; }
    public string? Name { get; init; }
    public string? RealName { get; init; }
    public UserProfile? Profile { get; init; }
    public bool IsAdmin { get; init; }
    public bool IsOwner { get; init; }
    public bool IsPrimaryOwner { get; init; }
    public bool IsBot { get; init; }
    public bool IsAppUser { get; init; }

    /// <summary>Deactivated accounts stay visible with this flag.</summary>
    public bool Deleted { get; init; }

    /// <summary>IANA time zone, e.g. <c>America/Los_Angeles</c>.</summary>
    public string? Tz { get; init; }
}

/// <summary>The parts of a user's profile the app reads; <c>email</c> needs the <c>users:read.email</c> scope.</summary>
public sealed record UserProfile
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    public string? RealName { get; init; }
}

/// <summary>What <c>users.info</c> and <c>users.lookupByEmail</c> return.</summary>
public sealed record UserResult
{
    public required User User { get; init; }
}
