namespace SlackApp.Installations;

/// <summary>What the Home tab and the intake need to know about a workspace's installation.</summary>
public sealed record InstallationStatus
{
    public string TeamId { get; init; } = string.Empty;
    public string? TeamName { get; init; }
    public string? InstallerUserId { get; init; }
    public DateTimeOffset InstalledAt { get; init; }
    public DateTimeOffset? UninstalledAt { get; init; }
    public string? AppId { get; init; }
    public string BotUserId { get; init; } = string.Empty;
}
