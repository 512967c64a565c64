using SlackApp.Notifications;
using System.Globalization;
using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Workflows;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;

namespace SlackApp.Home;

/// <summary>
/// The App Home tab's notifications section: the latest notifications with their state, recipient and time, and
/// for admins the recent failures with Slack's error code and the reason.
/// </summary>
public sealed class HomeNotificationsSection(NotificationOutbox outbox, IOptions<NotificationOptions> options) : IHomeNotificationsSection
{
    private const int FailureCount = 5;

    public async Task<IReadOnlyList<Block>> BuildAsync(Workspace workspace, bool isAdmin, CancellationToken ct)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText("Recent notifications")) };
        var recent = await outbox.ListRecentAsync(workspace, options.Value.HomeRecentCount, ct);
        if (recent.Count == 0)
        {
            blocks.Add(Context("No notifications yet. They appear here as signals match your workflows."));
        }

        blocks.AddRange(recent.Select(d => Context($"{State(d)} · {Recipient(d)} · {What(d)} · {SlackDate(d.CreatedAt)}")));

        if (isAdmin)
        {
            var failures = await outbox.ListRecentFailuresAsync(workspace, FailureCount, ct);
            if (failures.Count > 0)
            {
                blocks.Add(new HeaderBlock(new PlainText("Recent delivery failures")));
                blocks.AddRange(failures.Select(d => Context(
                    $":x: {Code(d.LastError ?? d.Status)} · {Recipient(d)} · {SlackDate(d.UpdatedAt)}\n{d.ErrorDetail ?? "No reason recorded."}")));
            }
        }

        return blocks;
    }

    private static string State(OutboxDelivery d) => d.Status switch
    {
        DeliveryStatus.Sent when d.AcknowledgedBy is { } by => $":white_check_mark: Acknowledged by <@{by}>",
        DeliveryStatus.Sent => ":large_green_circle: Sent",
        DeliveryStatus.Failed => $":x: Failed ({Code(d.LastError ?? "unknown")})",
        DeliveryStatus.Undeliverable => ":no_entry_sign: Undeliverable",
        _ => d.Attempts > 0 ? $":hourglass_flowing_sand: Retrying ({d.Attempts} attempt{(d.Attempts == 1 ? "" : "s")})" : ":hourglass_flowing_sand: Pending",
    };

    private static string Recipient(OutboxDelivery d) => d.RecipientKind switch
    {
        RecipientKind.Channel => $"<#{d.RecipientId}>",
        RecipientKind.User => $"<@{d.RecipientId}>",
        _ => SignalNames.TryParse(d.RecipientId, out AccountRole role) ? SignalNames.Label(role) : UntrustedText.Mrkdwn(d.RecipientId),
    };

    private static string What(OutboxDelivery d)
    {
        var prefix = d.IsTest ? "Test: " : string.Empty;
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
    private static string Code(string code) => $"`{new string([.. code.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')])}`";

    private static ContextBlock Context(string mrkdwn) => new([UntrustedText.Markdown(mrkdwn, 2000)]);

    private static string SlackDate(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}>";
}
