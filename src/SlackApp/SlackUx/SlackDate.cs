using System.Globalization;

namespace SlackApp.SlackUx;

/// <summary>
/// Times in mrkdwn as Slack's <c>&lt;!date&gt;</c> token: each reader sees them in their own time zone, and clients
/// that cannot render the token show the UTC fallback.
/// </summary>
public static class SlackDate
{
    /// <summary>e.g. "Today 09:00", or "2026-12-02 09:00 UTC" as the fallback.</summary>
    public static string DateAndTime(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} {{time}}|{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}>";
}
