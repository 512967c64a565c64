using SlackApp.Notifications;
using SlackApp.SlackUx;

namespace SlackApp.Explanations;

/// <summary>What happened to one item, in words: sent (when, how, where), held (why, until when), not sent (why), failed.</summary>
public static class ItemState
{
    /// <summary>Said of an item suppressed as a duplicate.</summary>
    public const string DuplicateWords =
        "duplicate: the same person at the same account was sent to this recipient within the workflow's duplicate window";

    private const int MaxDetailLength = 300;

    /// <summary>The item's state as one line of mrkdwn (emoji first, so a column of them reads at a glance).</summary>
    public static string Describe(ExplainedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status switch
        {
            DeliveryStatus.Sent => Sent(item),
            DeliveryStatus.Sending => ":outbox_tray: Being sent now",
            DeliveryStatus.Held => $":double_vertical_bar: Held for {HeldFor(item.HeldReason)} until {ExplanationText.Date(item.NextAttemptAt)}",
            DeliveryStatus.Suppressed => $":no_bell: Not sent: {Suppressed(item.SuppressedReason)}",
            DeliveryStatus.Failed => $":x: Failed: Slack said {ExplanationText.Code(item.LastError ?? "unknown")}{Detail(item.ErrorDetail)}",
            DeliveryStatus.Undeliverable => $":no_entry_sign: Undeliverable: {Clip(item.ErrorDetail ?? "nobody to send it to")}",
            DeliveryStatus.Pending when item.Attempts > 0 =>
                $":hourglass_flowing_sand: Waiting to retry ({ExplanationText.Count(item.Attempts, "attempt", "attempts")} so far{Error(item.LastError)}), next try {ExplanationText.Date(item.NextAttemptAt)}",
            DeliveryStatus.Pending => ":hourglass_flowing_sand: Waiting to be sent",
            _ => $":grey_question: {Clip(item.Status)}",
        };
    }

    /// <summary>Why an item was held, as in "held for …" (and "after …" once sent).</summary>
    public static string HeldFor(string? reason) => reason switch
    {
        HoldReason.Digest => "the workflow's digest",
        HoldReason.QuietHours => "quiet hours",
        HoldReason.DailyCap => "the daily cap (it goes into the next digest)",
        null => "later",
        _ => Clip(UntrustedText.Label(reason)),
    };

    /// <summary>Why an item was not sent at all.</summary>
    public static string Suppressed(string? reason) => reason switch
    {
        "duplicate" => DuplicateWords,
        null => "no reason recorded",
        _ => Clip(UntrustedText.Label(reason)),
    };

    private static string Sent(ExplainedItem item)
    {
        var when = item.SentAt is { } at ? " " + ExplanationText.Date(at) : string.Empty;
        var how = item.MessageKind == MessageKind.Digest ? " in a digest" : " as its own message";
        var where = item.RecipientKind == RecipientKind.User ? " by DM" : string.Empty;
        var after = item.HeldReason is { } reason ? $", after being held for {HeldFor(reason)}" : string.Empty;
        var acknowledged = item.AcknowledgedBy is { } by ? $" · acknowledged by <@{ExplanationText.SlackId(by)}>" : string.Empty;
        return $":large_green_circle: Sent{when}{how}{where}{after}{acknowledged}";
    }

    private static string Detail(string? detail) => detail is null ? string.Empty : $" ({Clip(detail)})";

    private static string Error(string? code) => code is null ? string.Empty : $", last {ExplanationText.Code(code)}";

    private static string Clip(string text) => UntrustedText.MrkdwnClipped(text, MaxDetailLength);
}
