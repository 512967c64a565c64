namespace SlackApp.Slack.Payloads;

/// <summary>A shortcut invocation: global (<c>shortcut</c>) or on a message (<c>message_action</c>).</summary>
public abstract record ShortcutPayload : InteractionPayload
{
    public string CallbackId { get; init => field = value ?? ""; } = "";
    public string? TriggerId { get; init; }
    public string? ActionTs { get; init; }
}

/// <summary>A global shortcut, started from the shortcuts menu or search.</summary>
public sealed record GlobalShortcutPayload : ShortcutPayload;

/// <summary>A message shortcut, started from a message's context menu.</summary>
public sealed record MessageShortcutPayload : ShortcutPayload
{
    public PayloadChannel? Channel { get; init; }
    public PayloadMessage? Message { get; init; }
    public string? MessageTs { get; init; }
    public string? ResponseUrl { get; init; }
}
