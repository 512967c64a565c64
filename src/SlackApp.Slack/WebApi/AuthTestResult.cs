namespace SlackApp.Slack.WebApi;

/// <summary>What <c>auth.test</c> says about a token: the workspace and the user or bot it acts as.</summary>
public sealed record AuthTestResult
{
    public string? Url { get; init; }
    public string? Team { get; init; }
    public string? User { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public string? BotId { get; init; }
    public string? EnterpriseId { get; init; }
    public bool IsEnterpriseInstall { get; init; }
}
