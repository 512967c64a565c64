using System.Globalization;
using SlackApp.Audit;

namespace SlackApp.Installations;

/// <summary>
/// The workspace settings as the audit log compares and shows them, in words. The signal secret is not among them:
/// its rotation is recorded as an action, never its value.
/// </summary>
public static class WorkspaceSettingsAuditFields
{
    public const string SalesforceBaseUrl = "Salesforce base URL";
    public const string FallbackChannel = "Fallback channel";
    public const string TimeZone = "Time zone";
    public const string QuietHours = "Quiet hours";
    public const string Managers = "Workflow managers";

    public static IReadOnlyList<AuditField> Of(WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            new(SalesforceBaseUrl, settings.SalesforceBaseUrl ?? "not set"),
            new(FallbackChannel, settings.FallbackChannelId is { } channel ? $"<#{channel}>" : "not set"),
            new(TimeZone, string.IsNullOrWhiteSpace(settings.TimeZone) ? "UTC (not set)" : settings.TimeZone),
            new(QuietHours, QuietHoursWords(settings.QuietHours, settings.QuietHoursHoldChannels)),
        ];
    }

    /// <summary>"&lt;@U1&gt;, &lt;@U2&gt;" or "none".</summary>
    public static IReadOnlyList<AuditField> OfManagers(IEnumerable<string> userIds)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return [new(Managers, ids.Count == 0 ? "none" : string.Join(", ", ids.Select(u => $"<@{u}>")))];
    }

    private static string QuietHoursWords(QuietHours? hours, bool holdChannels) => hours is null
        ? "off"
        : $"{hours.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{hours.End.ToString("HH:mm", CultureInfo.InvariantCulture)} ({(holdChannels ? "DMs and channel posts" : "DMs")})";
}
