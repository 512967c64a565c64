namespace SlackApp.Slack.Payloads;

/// <summary>
/// What Slack posts in the <c>payload</c> form field when a user interacts with the app
/// (<c>block_actions</c>, <c>view_submission</c>, <c>view_closed</c>, <c>block_suggestion</c>, shortcuts).
/// </summary>
public abstract record InteractionPayload : SlackPayload
{
    /// <summary>The payload kind, as Slack names it in <c>type</c>.</summary>
    public string Type { get; init => field = value ?? ""; } = "";

    /// <summary>The workspace; null for org-wide installs, where <see cref="Enterprise"/> is set instead.</summary>
    public PayloadTeam? Team { get; init; }

    public PayloadEnterprise? Enterprise { get; init; }
    public bool IsEnterpriseInstall { get; init; }
    public PayloadUser? User { get; init; }
    public string? ApiAppId { get; init; }
}
