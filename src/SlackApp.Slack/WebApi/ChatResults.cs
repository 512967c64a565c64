namespace SlackApp.Slack.WebApi;

/// <summary>What <c>chat.postMessage</c> returns: where the message went and its timestamp (its id).</summary>
public sealed record ChatPostMessageResult
{
    public required string Channel { get; init; }
    public required string Ts { get; init; }
    public MessageInfo? Message { get; init; }
}

/// <summary>What <c>chat.update</c> returns.</summary>
public sealed record ChatUpdateResult
{
    public required string Channel { get; init; }
    public required string Ts { get; init; }
    public string? Text { get; init; }
    public MessageInfo? Message { get; init; }
}

/// <summary>What <c>chat.postEphemeral</c> returns; ephemeral messages cannot be updated by ts later.</summary>
public sealed record ChatPostEphemeralResult
{
    public required string MessageTs { get; init; }
}

/// <summary>A message as Slack reports it back after posting or updating.</summary>
public sealed record MessageInfo
{
    public string? Type { get; init; }
    public string? Subtype { get; init; }
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? Text { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }
    public string? AppId { get; init; }
    public string? Team { get; init; }
}
