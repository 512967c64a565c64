namespace SlackApp.Slack.Payloads;

/// <summary>A slash command invocation, sent as a form body.</summary>
public sealed record SlashCommand : SlackPayload
{
    /// <summary>The command typed, with its slash (<c>/usergems</c>).</summary>
    public required string Command { get; init; }

    /// <summary>Everything the user typed after the command; empty when nothing.</summary>
    public string Text { get; init => field = value ?? ""; } = "";

    public string? TeamId { get; init; }
    public string? TeamDomain { get; init; }
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public string? ChannelId { get; init; }
    public string? ChannelName { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }

    /// <summary>Where to post up to five delayed responses within 30 minutes.</summary>
    public string? ResponseUrl { get; init; }

    /// <summary>Opens a modal within 3 seconds.</summary>
    public string? TriggerId { get; init; }

    public string? ApiAppId { get; init; }
    public bool IsEnterpriseInstall { get; init; }
}
