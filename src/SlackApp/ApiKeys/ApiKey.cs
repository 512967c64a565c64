namespace SlackApp.ApiKeys;

/// <summary>An admin API key of one workspace, as listed: never its secret, only its prefix.</summary>
public sealed record ApiKey
{
    public const int MaxNameLength = 50;

    public long Id { get; init; }

    public required string TeamId { get; init; }

    /// <summary>What the admin called it, e.g. "ci" or "terraform".</summary>
    public required string Name { get; init; }

    /// <summary>The key's first characters (<c>ugk_AbC1x9</c>), not secret, to tell keys apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>The Slack user who created it; changes made with it are recorded as theirs, through the key.</summary>
    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Up to a minute behind: it is written at most once a minute per key.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Why <paramref name="name"/> cannot name a key (plain text), or null when it can.</summary>
    public static string? NameProblem(string? name) => name?.Trim() switch
    {
        null or { Length: 0 } => "Give the key a name, e.g. what will use it (\"ci\", \"terraform\").",
        { Length: > MaxNameLength } => $"Keep the name to {MaxNameLength} characters or fewer.",
        _ => null,
    };
}

/// <summary>A key just created: <see cref="Plaintext"/> is shown to its creator once and never stored.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Plaintext);
