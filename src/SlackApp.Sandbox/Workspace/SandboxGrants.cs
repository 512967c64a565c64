namespace SlackApp.Sandbox.Workspace;

/// <summary>A <c>trigger_id</c> handed out with an interaction: one member's, usable once, within <see cref="Hosting.SandboxOptions.TriggerLifetime"/> (Slack: three seconds).</summary>
public sealed class SandboxTrigger
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The conversation the interaction happened in, if any.</summary>
    public string? ChannelId { get; init; }

    /// <summary>The modal the interaction happened in, if any (views.push stacks on it).</summary>
    public string? ViewId { get; init; }

    public bool Exchanged { get; set; }
}

/// <summary>A <c>response_url</c> handed out with an interaction: where the app may answer, five times within 30 minutes.</summary>
public sealed class SandboxResponseUrl
{
    public const int MaxUses = 5;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string ChannelId { get; init; }

    /// <summary>The message the interaction came from, which <c>replace_original</c> and <c>delete_original</c> act on.</summary>
    public string? MessageTs { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public int Uses { get; set; }
}

/// <summary>Something a developer should see at once, shown as a banner: an <c>invalid_blocks</c> answer, a refused request.</summary>
public sealed record SandboxNotice(long Id, DateTimeOffset At, string Title, IReadOnlyList<string> Details);

/// <summary>How a <c>trigger_id</c> exchange went, with the Web API error code of each refusal.</summary>
public enum TriggerExchange
{
    Exchanged,
    Invalid,
    Expired,
    AlreadyExchanged,
}
