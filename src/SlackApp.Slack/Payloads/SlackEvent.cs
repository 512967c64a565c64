using System.Text.Json;

namespace SlackApp.Slack.Payloads;

/// <summary>The inner <c>event</c> of an <c>event_callback</c>, typed by <c>event.type</c>.</summary>
public abstract record SlackEvent
{
    public string Type { get; init => field = value ?? ""; } = "";
    public string? EventTs { get; init; }
}

/// <summary>A user opened the app's Home, Messages or About tab.</summary>
public sealed record AppHomeOpenedEvent : SlackEvent
{
    public string User { get; init => field = value ?? ""; } = "";
    public string? Channel { get; init; }

    /// <summary><c>home</c> or <c>messages</c>.</summary>
    public string? Tab { get; init; }

    /// <summary>The Home tab as last published, when there is one.</summary>
    public PayloadView? View { get; init; }
}

/// <summary>The app was uninstalled from the workspace: its tokens are gone.</summary>
public sealed record AppUninstalledEvent : SlackEvent;

/// <summary>Tokens of the app were revoked; lists the users (and bot users) whose tokens died.</summary>
public sealed record TokensRevokedEvent : SlackEvent
{
    public RevokedTokens Tokens { get; init => field = value ?? new(); } = new();
}

/// <summary>The user ids whose tokens were revoked, by kind.</summary>
public sealed record RevokedTokens
{
    public IReadOnlyList<string> Oauth { get; init => field = value ?? []; } = [];
    public IReadOnlyList<string> Bot { get; init => field = value ?? []; } = [];
}

/// <summary>An event type this library does not model; its JSON is kept as sent.</summary>
public sealed record UnknownEvent : SlackEvent
{
    public JsonElement Raw { get; init; }
}
