namespace SlackApp.Installations;

/// <summary>
/// The verified Slack workspace a request or job acts for. Every repository method takes one and
/// every query filters on it, so one workspace can never see or change another's rows.
/// </summary>
public sealed record Workspace(string TeamId, string? EnterpriseId = null)
{
    public override string ToString() => EnterpriseId is null ? TeamId : $"{EnterpriseId}/{TeamId}";
}
