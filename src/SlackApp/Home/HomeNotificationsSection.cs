using System.Globalization;
using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>
/// The App Home tab's notifications section: the latest notifications, one line per signal with its state, where it
/// went and when, and for admins the recent failures with Slack's error code and the reason. A member sees only what
/// was sent to them (DMs, their tests) and to channels they can see; admins and managers see everything.
/// </summary>
public sealed class HomeNotificationsSection(
    NotificationHistory history,
    NotificationOutbox outbox,
    ChannelVisibility channels,
    IOptions<NotificationOptions> options) : IHomeNotificationsSection
{
    private const int FailureCount = 5;
    private const int RecipientsShown = 3;

    public async Task<IReadOnlyList<Block>> BuildAsync(Workspace workspace, WorkflowAccess access, ISlackApiClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(access);
        var blocks = new List<Block> { new HeaderBlock(new PlainText("Recent notifications")) };
        var reader = access.CanChange
            ? NotificationReader.Everyone
            : new NotificationReader(access.UserId, await channels.VisibleAsync(workspace, access.UserId, client, await history.ListChannelsAsync(workspace, ct), ct));
        var recent = await history.ListRecentAsync(workspace, reader, options.Value.HomeRecentCount, ct);
        if (recent.Count == 0)
        {
            blocks.Add(Context(access.CanChange
                ? "No notifications yet. They appear here as signals match your workflows."
                : "No notifications for you yet. Those sent to you, and to channels you can see, appear here."));
        }

        blocks.AddRange(recent.Select(line => Context($"{What(line.Latest)}\n{State(line.Deliveries)} · {Recipients(line.Deliveries)} · {SlackDate.DateAndTime(line.Latest.CreatedAt)}")));

        if (access.IsAdmin)
        {
            var failures = await outbox.ListRecentFailuresAsync(workspace, FailureCount, ct);
            if (failures.Count > 0)
            {
                blocks.Add(new HeaderBlock(new PlainText("Recent delivery failures")));
                blocks.AddRange(failures.Select(d => Context(
                    $":x: {Code(d.LastError ?? d.Status)} · {Recipient(d)} · {SlackDate.DateAndTime(d.UpdatedAt)}\n{d.ErrorDetail ?? "No reason recorded."}")));
            }
        }

        return blocks;
    }

    // One state for the signal: an acknowledgement first, then whatever has not gone well, else sent.
    private static string State(IReadOnlyList<OutboxDelivery> deliveries)
    {
        if (deliveries.FirstOrDefault(d => d.AcknowledgedBy is not null) is { AcknowledgedBy: { } by })
        {
            return $":white_check_mark: Acknowledged by <@{by}>";
        }

        var notSent = deliveries.Where(d => d.Status != DeliveryStatus.Sent).ToList();
        if (notSent.Count == 0)
        {
            return ":large_green_circle: Sent";
        }

        var worst = notSent.OrderBy(d => d.Status switch { DeliveryStatus.Failed => 0, DeliveryStatus.Undeliverable => 1, _ => 2 }).First();
        var sent = deliveries.Count - notSent.Count;
        return State(worst) + (sent > 0 ? $" ({sent} of {deliveries.Count} sent)" : string.Empty);
    }

    private static string State(OutboxDelivery d) => d.Status switch
    {
        DeliveryStatus.Failed => $":x: Failed ({Code(d.LastError ?? "unknown")})",
        DeliveryStatus.Undeliverable => ":no_entry_sign: Undeliverable",
        _ => d.Attempts > 0 ? $":hourglass_flowing_sand: Retrying ({d.Attempts} attempt{(d.Attempts == 1 ? "" : "s")})" : ":hourglass_flowing_sand: Pending",
    };

    private static string Recipients(IReadOnlyList<OutboxDelivery> deliveries)
    {
        var all = deliveries.Select(Recipient).Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", all.Take(RecipientsShown));
        return all.Count > RecipientsShown ? $"{shown} and {all.Count - RecipientsShown} more" : shown;
    }

    private static string Recipient(OutboxDelivery d) => d.RecipientKind switch
    {
        RecipientKind.Channel => $"<#{d.RecipientId}>",
        RecipientKind.User => $"<@{d.RecipientId}>",
        RecipientKind.Reminder => $"<@{d.RecipientId}> (reminder)",
        _ => SignalNames.TryParse(d.RecipientId, out AccountRole role) ? SignalNames.Label(role) : UntrustedText.MrkdwnClipped(d.RecipientId, 64),
    };

    // Every value in the headline is escaped and cut on its own, so the line never needs cutting (which could leave a stray mark).
    private static string What(OutboxDelivery d)
    {
        var prefix = d.IsTest ? ":test_tube: Test: " : string.Empty;
        try
        {
            return d.ReadSignal() is { } signal ? prefix + NotificationComposer.Headline(signal) : prefix + "(signal removed)";
        }
        catch (InvalidDataException)
        {
            return prefix + "(unreadable signal)";
        }
    }

    // Slack's error codes are snake_case words: shown as code, so their underscores stay underscores.
    private static string Code(string code) => $"`{new string([.. code.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').Take(100)])}`";

    private static ContextBlock Context(string mrkdwn) => new([UntrustedText.Markdown(mrkdwn, 2000)]);

}
