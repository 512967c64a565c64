using SlackApp.Installations;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// Gives each planned item its reader's clock: for a DM, the person's own time zone (<c>users.info</c>; the
/// workspace's when Slack has none) and their quiet hours, else the workspace's; for a channel, the workspace's zone,
/// and its quiet hours only when the workspace holds channel posts too.
/// </summary>
public sealed class RecipientClocks(ReaderTimeZones zones, PersonSettingsRepository people)
{
    public async Task<IReadOnlyList<PlannedDelivery>> ApplyAsync(
        Workspace workspace,
        ISlackApiClient client,
        WorkspaceSettings settings,
        IReadOnlyList<PlannedDelivery> deliveries,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(deliveries);
        var workspaceZone = settings.ZoneOrUtc();
        var readers = deliveries.Where(d => d.Kind == RecipientKind.User).Select(d => d.RecipientId).ToHashSet(StringComparer.Ordinal);
        var personalQuietHours = readers.Count == 0
            ? new Dictionary<string, QuietHours>()
            : await people.GetQuietHoursAsync(workspace, readers, cancellationToken);
        var clocked = new List<PlannedDelivery>(deliveries.Count);
        foreach (var delivery in deliveries)
        {
            clocked.Add(delivery with { Clock = await ClockOfAsync(workspace, client, settings, workspaceZone, personalQuietHours, delivery, cancellationToken) });
        }

        return clocked;
    }

    private async Task<RecipientClock> ClockOfAsync(
        Workspace workspace,
        ISlackApiClient client,
        WorkspaceSettings settings,
        TimeZoneInfo workspaceZone,
        IReadOnlyDictionary<string, QuietHours> personalQuietHours,
        PlannedDelivery delivery,
        CancellationToken cancellationToken)
    {
        if (delivery.Kind != RecipientKind.User)
        {
            return new RecipientClock(workspaceZone, settings.QuietHoursHoldChannels ? settings.QuietHours : null);
        }

        // A person's own quiet hours replace the workspace's, and both follow the person's own clock.
        var quiet = personalQuietHours.GetValueOrDefault(delivery.RecipientId) ?? settings.QuietHours;
        var settingsOfWorkflow = NoiseControl.Governing(delivery.Matches)?.Delivery ?? WorkflowDelivery.Default;
        var zoneMatters = quiet is not null || settingsOfWorkflow.Mode == DeliveryMode.DailyDigest || settingsOfWorkflow.DailyCap is not null;
        var zone = zoneMatters ? await zones.FindAsync(workspace, client, delivery.RecipientId, cancellationToken) : null;
        return new RecipientClock(zone ?? workspaceZone, quiet);
    }
}
