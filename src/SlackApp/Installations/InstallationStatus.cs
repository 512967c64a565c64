namespace SlackApp.Installations;

/// <summary>What the Home tab and the intake need to know about a workspace's installation.</summary>
public sealed record InstallationStatus
{
    public string TeamId { get; init; } = string.Empty;

    /// <summary>The workspace's Grid org, or null outside Enterprise Grid.</summary>
    public string? EnterpriseId { get; init; }
    public string? TeamName { get; init; }
    public string? InstallerUserId { get; init; }
    public DateTimeOffset InstalledAt { get; init; }
    public DateTimeOffset? UninstalledAt { get; init; }
    public string? AppId { get; init; }
    public string BotUserId { get; init; } = string.Empty;

    /// <summary>True when the workspace is served by its org's org-wide installation rather than one of its own.</summary>
    public bool IsOrgWide { get; init; }

    /// <summary>The workspace with its enterprise id, for work that started from a team id alone (a signal, a queued notification).</summary>
    public Workspace Workspace => new(TeamId, EnterpriseId);
}
