namespace SlackApp.Slack.Routing;

/// <summary>Thrown by <see cref="SlackContext.Client"/> when the request's workspace has no installation (and no bot token is configured).</summary>
public sealed class SlackAppNotInstalledException : InvalidOperationException
{
    public SlackAppNotInstalledException(string? enterpriseId, string? teamId)
        : base($"The Slack app is not installed for team '{teamId ?? "-"}' (enterprise '{enterpriseId ?? "-"}'): no bot token to call the Web API with.")
    {
        EnterpriseId = enterpriseId;
        TeamId = teamId;
    }

    public string? EnterpriseId { get; }
    public string? TeamId { get; }
}
