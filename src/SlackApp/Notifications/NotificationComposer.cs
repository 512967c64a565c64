using System.Globalization;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// Builds the Block Kit message for a notification (and its acknowledged form), read at a glance: a header saying
/// what happened, who the reader is to the account and when, the facts in pairs, why it matched, and the buttons.
/// Pure.
/// </summary>
public static class NotificationComposer
{
    // Enough to say why without letting a workspace with many matching workflows outgrow a context block.
    private const int MaxMatchesShown = 5;
    private const int ReasonMax = 100;

    public static Message Compose(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var signal = content.Signal;
        var blocks = new List<Block>();

        if (content.Snooze is { } snoozed && content.ReaderUserId == snoozed.UserId && !content.IsReminder)
        {
            // Out of its reader's view until the reminder brings it back: one line, no buttons.
            return new Message(
                $"Snoozed until {snoozed.Until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: {FallbackText(content)}",
                [new SectionBlock { Text = UntrustedText.Markdown($":zzz: Snoozed until {SlackDate(snoozed.Until)}: {NotificationHeadline.Mrkdwn(signal)}\nIt comes back to you as a DM then.", BlockKitLimits.SectionText) }]);
        }

        if (content.IsReminder)
        {
            blocks.Add(Context(":alarm_clock: *Reminder*: you snoozed this signal until now."));
        }

        if (content.IsTest)
        {
            blocks.Add(Context(":test_tube: *Test notification*: a sample built from a made-up signal, to show what this workflow sends. Nothing real happened."));
        }

        // No emoji in the header: the sentence says it, and plain text with emoji off shows a name's ":x:" as written.
        blocks.Add(new HeaderBlock(new PlainText(NotificationHeadline.Plain(signal, BlockKitLimits.HeaderText)) { Emoji = false }));
        blocks.Add(Context(LeadLine(content)));
        blocks.AddRange(FactBlocks(content));
        blocks.Add(Context(WhyLine(content)));

        if (content.UndeliveredNote is { } note)
        {
            blocks.Add(Context($":warning: {note}"));
        }

        blocks.AddRange(WrongOwnerView.Lines(content));

        if (Buttons(content) is { Count: > 0 } buttons)
        {
            blocks.Add(new ActionsBlock(buttons) { BlockId = NotificationActions.ActionsBlockId });
        }

        if (content.Claim is { } claim)
        {
            blocks.Add(Context($":raising_hand: Claimed by <@{claim.UserId}> · {SlackDate(claim.At)}"));
        }

        if (content.Snooze is { } snooze && (content.ReaderUserId != snooze.UserId || content.IsReminder))
        {
            blocks.Add(Context($":zzz: <@{snooze.UserId}> snoozed this until {SlackDate(snooze.Until)}"));
        }

        if (content.EscalatedAt is { } escalated && content.Acknowledgement is null && content.Claim is null)
        {
            blocks.Add(Context($":rotating_light: Escalated {SlackDate(escalated)}: nobody had acknowledged or claimed it"));
        }

        if (content.Acknowledgement is { } ack)
        {
            blocks.Add(Context($":white_check_mark: Acknowledged by <@{ack.UserId}> · {SlackDate(ack.At)}"));
        }

        if (content.NotRelevant is { } dismissed)
        {
            blocks.Add(Context($":no_entry_sign: Marked not relevant by <@{dismissed.UserId}> · {SlackDate(dismissed.At)}{NotRelevantReasons.Said(dismissed.Reason)}"));
        }

        return new Message(FallbackText(content), blocks);
    }

    /// <summary>"Jane Doe joined *Acme Corp*..." as mrkdwn, for lists of notifications.</summary>
    public static string Headline(Signal signal) => NotificationHeadline.Mrkdwn(signal);

    public static string? SalesforceUrl(string? baseUrl, string? salesforceId) =>
        string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(salesforceId)
            ? null
            : $"{baseUrl.TrimEnd('/')}/lightning/r/Account/{Uri.EscapeDataString(salesforceId)}/view";

    /// <summary>Why a DM's reader gets it, from the role they hold on the account; null when they hold none.</summary>
    public static string? ReaderReason(AccountRole? role) => role switch
    {
        AccountRole.Owner => "You own this account",
        AccountRole.Csm => "You're the CSM of this account",
        AccountRole.Sdr => "You're the SDR of this account",
        _ => null,
    };

    // The notification and screen-reader text: the headline itself, escaped (Slack parses `text` as mrkdwn too).
    private static string FallbackText(NotificationContent content) =>
        UntrustedText.Truncate((content.IsTest ? "[Test] " : string.Empty) + UntrustedText.Mrkdwn(NotificationHeadline.Plain(content.Signal)), 3000);

    private static string LeadLine(NotificationContent content)
    {
        var when = SlackDate(content.Signal.OccurredAt);
        return ReaderReason(content.People.RoleOf(content.ReaderUserId)) is { } reason
            ? $"*{reason}* · {when}"
            : when;
    }

    // Section fields show in two columns: an odd one out would sit alone on its row, so it gets a full-width line.
    private static IEnumerable<Block> FactBlocks(NotificationContent content)
    {
        var facts = Facts(content).Take(BlockKitLimits.SectionFields + 1).ToList();
        if (facts.Count % 2 == 1)
        {
            var last = facts[^1];
            facts.RemoveAt(facts.Count - 1);
            if (facts.Count > 0)
            {
                yield return new SectionBlock { Fields = facts };
            }

            yield return new SectionBlock { Text = last };
        }
        else if (facts.Count > 0)
        {
            yield return new SectionBlock { Fields = facts };
        }
    }

    private static IEnumerable<MarkdownText> Facts(NotificationContent content)
    {
        var signal = content.Signal;
        var person = signal.Person;
        var account = signal.Account;
        yield return AccountField(content);

        if (content.People.OwnerUserId is { } owner)
        {
            yield return Field("Owner", $"<@{owner}>");
        }
        else if (account.OwnerEmail is { Length: > 0 } email)
        {
            yield return Field("Owner", UntrustedText.MrkdwnClipped(email, 200));
        }

        if (person.Title is { Length: > 0 } title && !NotificationHeadline.PlainIncludesTitle(signal, BlockKitLimits.HeaderText))
        {
            yield return Field("Title", UntrustedText.MrkdwnClipped(title, 300));
        }

        if (person.Seniority is { } seniority)
        {
            yield return Field("Seniority", SignalNames.Label(seniority));
        }

        if (person.Department is { Length: > 0 } department)
        {
            yield return Field("Department", UntrustedText.MrkdwnClipped(UntrustedText.Label(department), 200));
        }

        if (account.Status is { } status)
        {
            yield return Field("Account status", SignalNames.Label(status));
        }

        var previous = (Value(person.PreviousTitle), Value(person.PreviousCompany)) switch
        {
            ({ } t, { } c) => $"{UntrustedText.MrkdwnClipped(t, 200)} at {UntrustedText.MrkdwnClipped(c, 200)}",
            (null, { } c) => UntrustedText.MrkdwnClipped(c, 200),
            ({ } t, null) => UntrustedText.MrkdwnClipped(t, 200),
            _ => null,
        };
        if (previous is not null)
        {
            yield return Field("Previously", previous);
        }
    }

    // The account links to Salesforce when the whole link fits the field: cut inside, <url|name> would break.
    private static MarkdownText AccountField(NotificationContent content)
    {
        var name = UntrustedText.MrkdwnClipped(content.Signal.Account.Name, 200);
        if (SalesforceUrl(content.SalesforceBaseUrl, content.Signal.Account.SalesforceId) is { } url && IsLinkable(url)
            && FieldText("Account", $"<{url}|{name}>") is { Length: <= BlockKitLimits.SectionFieldText } linked)
        {
            return new MarkdownText(linked);
        }

        return Field("Account", name);
    }

    internal static string WhyLine(NotificationContent content)
    {
        var parts = content.Matches.Take(MaxMatchesShown).Select(m =>
            $"*{UntrustedText.MrkdwnClipped(m.Workflow.Name, Workflow.MaxNameLength)}*: {string.Join(" · ", m.Reasons.Select(r => UntrustedText.MrkdwnClipped(r, ReasonMax)))}");
        var more = content.Matches.Count > MaxMatchesShown ? $" (and {content.Matches.Count - MaxMatchesShown} more)" : string.Empty;
        return $"Matched {string.Join("; ", parts)}{more}";
    }

    private static List<BlockElement> Buttons(NotificationContent content)
    {
        var id = content.DeliveryId.ToString(CultureInfo.InvariantCulture);
        var buttons = new List<BlockElement>();
        if (content.Acknowledgement is null)
        {
            buttons.Add(new Button(new PlainText("Acknowledge")) { ActionId = NotificationActions.Acknowledge, Value = id, Style = ButtonStyle.Primary });
        }

        if (content.NotRelevant is null && !content.IsTest)
        {
            buttons.Add(new Button(new PlainText("Not relevant")) { ActionId = NotificationActions.NotRelevant, Value = id });
        }

        if (!content.IsTest)
        {
            buttons.Add(new Button(new PlainText("Snooze…")) { ActionId = NotificationActions.Snooze, Value = id });
        }

        if (content.CanForward)
        {
            buttons.Add(WrongOwnerView.Button(content));
        }

        if (content.IsClaimable)
        {
            // Shown to everyone in the channel; only the claimer's Release is taken (the others are told who has it).
            buttons.Add(content.Claim is null
                ? new Button(new PlainText("Claim")) { ActionId = NotificationActions.Claim, Value = id }
                : new Button(new PlainText("Release")) { ActionId = NotificationActions.Release, Value = id });
        }

        // Owner mapping: a fallback copy for an email Slack did not know offers to map it (guarded: admins and managers).
        if (content.UnmatchedOwnerEmail is not null && content.IsClaimable)
        {
            buttons.Add(new Button(new PlainText("Map this owner")) { ActionId = OwnerMappings.OwnerMappingActionIds.MapThisOwner, Value = id });
        }

        if (SalesforceUrl(content.SalesforceBaseUrl, content.Signal.Account.SalesforceId) is { Length: <= BlockKitLimits.ButtonUrl } salesforce)
        {
            buttons.Add(new Button(new PlainText("Open in Salesforce")) { ActionId = NotificationActions.OpenInSalesforce, Url = salesforce, Value = id });
        }

        if (LinkUrl(content.Signal.Person.LinkedinUrl) is { } linkedin)
        {
            buttons.Add(new Button(new PlainText("View LinkedIn")) { ActionId = NotificationActions.ViewLinkedin, Url = linkedin, Value = id });
        }

        return buttons;
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static MarkdownText Field(string label, string value) => UntrustedText.Markdown(FieldText(label, value), BlockKitLimits.SectionFieldText);

    private static string FieldText(string label, string value) => $"*{label}*\n{value}";

    // A URL we link to: https only, within Block Kit's button limit (a too long one refuses the whole message).
    internal static string? LinkUrl(string? url) => url is { Length: <= BlockKitLimits.ButtonUrl } && IsLinkable(url) ? url : null;

    private static bool IsLinkable(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && !url.Contains('|', StringComparison.Ordinal) && !url.Contains('>', StringComparison.Ordinal);

    private static ContextBlock Context(string mrkdwn) => new([UntrustedText.Markdown(mrkdwn)]);

    // Slack renders the date in each reader's own time zone; the text after | is the fallback.
    internal static string SlackDate(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}>";
}
