namespace SlackApp.Slack.Payloads;

/// <summary>A <c>view_submission</c> payload: a user pressed a modal's submit button.</summary>
public sealed record ViewSubmissionPayload : InteractionPayload
{
    public string? TriggerId { get; init; }
    public required PayloadView View { get; init; }

    /// <summary>Granted when the modal holds a conversation select with <c>response_url_enabled</c>.</summary>
    public IReadOnlyList<ViewResponseUrl> ResponseUrls { get; init => field = value ?? []; } = [];
}
