namespace SlackApp.Slack.WebApi;

/// <summary>What <c>views.open</c>, <c>views.update</c>, <c>views.push</c> and <c>views.publish</c> return.</summary>
public sealed record ViewResult
{
    public required ViewInfo View { get; init; }
}

/// <summary>A view as Slack holds it: its id and the <c>hash</c> that guards the next update against races.</summary>
public sealed record ViewInfo
{
    public required string Id { get; init; }

    /// <summary>Pass it to the next <c>views.update</c>/<c>views.publish</c> so a stale update is refused.</summary>
    public string? Hash { get; init; }

    /// <summary><c>modal</c> or <c>home</c>.</summary>
    public string? Type { get; init; }
    public string? CallbackId { get; init; }
    public string? ExternalId { get; init; }
    public string? PrivateMetadata { get; init; }
    public string? RootViewId { get; init; }
    public string? PreviousViewId { get; init; }
    public string? TeamId { get; init; }
    public string? AppId { get; init; }
    public string? BotId { get; init; }
}
