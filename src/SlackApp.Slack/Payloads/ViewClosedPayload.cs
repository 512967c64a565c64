namespace SlackApp.Slack.Payloads;

/// <summary>A <c>view_closed</c> payload: a user dismissed a modal opened with <c>notify_on_close</c>.</summary>
public sealed record ViewClosedPayload : InteractionPayload
{
    public required PayloadView View { get; init; }

    /// <summary>True when the whole view stack was closed at once.</summary>
    public bool IsCleared { get; init; }
}
