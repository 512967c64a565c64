namespace SlackApp.Installations;

/// <summary>The <c>Installations</c> settings: how long installations and workspace settings are kept in memory.</summary>
public sealed class InstallationCacheOptions
{
    public const string SectionName = "Installations";

    /// <summary>
    /// How long a read installation, workspace status or settings answer is reused. Changes made through this instance
    /// are seen at once; another instance's changes within this time. Zero reads the database every time.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
