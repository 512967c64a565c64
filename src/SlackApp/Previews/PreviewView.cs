using System.Globalization;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Previews;

/// <summary>
/// The modal pushed over the workflow modal by its Preview button: first "counting", then what the draft would have
/// sent. No submit button: its only way out is Back, to the workflow modal underneath with its inputs as they were.
/// </summary>
public static class PreviewView
{
    public const string CallbackId = "workflow.preview";
    public const string Title = "Preview";
    public const string Back = "Back";

    public const string Failed = "Something went wrong while counting. Go back and press *Preview* again in a moment.";

    /// <summary>Shown at once (the trigger_id lives 3 s); the counts replace it.</summary>
    public static ModalView Counting(Workflow draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Modal([Section($"Counting the signals of the last {Days} days that {Name(draft)} would have matched…")]);
    }

    /// <summary>Shown instead of the counts when counting failed.</summary>
    public static ModalView Error() => Modal([Section(Failed)]);

    public static ModalView Result(Workflow draft, PreviewResult result)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(result);
        var period = $"{Date(result.From)} – {Date(result.To)}";
        if (draft.SignalTypes.Count == 0)
        {
            return Modal([Section("Choose at least one signal type under *When*, then press *Preview* again.")]);
        }

        if (result.SignalsConsidered == 0)
        {
            return Modal([
                Section($"No signals were received in the last {Days} days ({period}), so there is nothing to preview yet. " +
                        "Once signals arrive, *Preview* shows what this workflow would have sent."),
            ]);
        }

        var blocks = new List<Block>
        {
            Section($"*Last {Days} days* ({period}): {Name(draft)} would have matched *{Count(result.Matched, "signal")}* of the {result.SignalsConsidered.ToString("N0", CultureInfo.InvariantCulture)} received."),
        };

        if (result.Matched > 0)
        {
            blocks.Add(Section(Messages(draft.Delivery, result)));
            blocks.Add(Section(Recipients(draft, result)));
            blocks.Add(new DividerBlock());
            blocks.Add(Section("*Latest matches*\n" + string.Join("\n", result.Examples.Select(Example))));
        }

        var notes = new List<string>();
        if (result.Capped)
        {
            notes.Add($"Counted the newest {RecentSignalRepository.MaxSignals.ToString("N0", CultureInfo.InvariantCulture)} signals of the period only.");
        }

        if (!draft.Enabled)
        {
            notes.Add("The workflow is set to paused: it sends nothing until it is enabled.");
        }

        notes.Add("An estimate for this workflow alone: quiet hours, and what other workflows send the same people, are left out.");
        blocks.Add(new ContextBlock([new MarkdownText(string.Join(" ", notes))]));
        return Modal(blocks);
    }

    private static int Days => (int)RecentSignalRepository.Window.TotalDays;

    private static string Messages(WorkflowDelivery delivery, PreviewResult result)
    {
        var text = $"That is about *{Count(result.Messages, "Slack message")}* {Mode(delivery)}, carrying {Count(result.Items, "item")}";
        var cuts = new List<string>();
        if (result.SuppressedDuplicates > 0)
        {
            cuts.Add($"{result.SuppressedDuplicates} left out as repeats within {Span(delivery.DuplicateWindow!.Value)}");
        }

        if (result.OverDailyCap > 0)
        {
            cuts.Add($"{result.OverDailyCap} beyond the daily cap of {delivery.DailyCap} rolled into next-day digests");
        }

        return cuts.Count == 0 ? text + "." : $"{text} ({string.Join("; ", cuts)}).";
    }

    private static string Recipients(Workflow draft, PreviewResult result)
    {
        var text = $"*To:* {WorkflowSummary.Recipients(draft.Recipients)}";
        if (draft.Recipients.Roles.Count > 0)
        {
            text += $"\nThe DMs would reach {Count(result.RolePeople, "person", "people")} named on the accounts.";
            if (result.MatchesWithoutRoleEmail > 0)
            {
                text += $" {Count(result.MatchesWithoutRoleEmail, "match", "matches")} named nobody for a role: those go to the fallback channel.";
            }
        }

        return text;
    }

    private static string Example(PreviewSignal example) =>
        $"• {NotificationHeadline.Mrkdwn(example.Signal)} · {SignalNames.Label(example.Signal.Type)} · {Date(example.ReceivedAt)}";

    private static string Mode(WorkflowDelivery delivery) => delivery.Mode switch
    {
        DeliveryMode.Digest => $"in digests every {Span(delivery.DigestEvery)}",
        DeliveryMode.DailyDigest => $"in a daily digest at {delivery.DailyAt.ToString("HH:mm", CultureInfo.InvariantCulture)}",
        _ => "sent as signals arrive",
    };

    private static string Span(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays == Math.Floor(span.TotalDays) => Count((int)span.TotalDays, "day"),
        { TotalHours: >= 1 } when span.TotalHours == Math.Floor(span.TotalHours) => Count((int)span.TotalHours, "hour"),
        _ => Count((int)span.TotalMinutes, "minute"),
    };

    private static string Name(Workflow draft) =>
        string.IsNullOrWhiteSpace(draft.Name) ? "this workflow" : $"*{UntrustedText.MrkdwnClipped(draft.Name, Workflow.MaxNameLength)}*";

    private static string Count(int count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    // Slack shows the date in the reader's own zone; the fallback is UTC.
    private static string Date(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short}}|{at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}>";

    private static SectionBlock Section(string mrkdwn) => new() { Text = UntrustedText.Markdown(mrkdwn) };

    private static ModalView Modal(IReadOnlyList<Block> blocks) => new(new PlainText(Title))
    {
        CallbackId = CallbackId,
        Close = new PlainText(Back),
        Blocks = blocks,
    };
}
