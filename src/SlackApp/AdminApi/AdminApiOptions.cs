namespace SlackApp.AdminApi;

/// <summary>The admin API's pacing, bound from the <c>AdminApi</c> section.</summary>
public sealed class AdminApiOptions
{
    public const string SectionName = "AdminApi";

    /// <summary>Requests one caller (one key) may make at once before it is paced.</summary>
    public int Burst { get; set; } = 60;

    /// <summary>How often one more request is allowed back once the burst is spent (100 ms: 10 a second).</summary>
    public TimeSpan Refill { get; set; } = TimeSpan.FromMilliseconds(100);
}
