using System.Globalization;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>What a digest message shows: its items, and how many more of the same channel follow in later messages.</summary>
public sealed record DigestContent(IReadOnlyList<NotificationContent> Items, int MoreToFollow = 0)
{
    /// <summary>Of the items, how many waited past a daily cap, and that cap.</summary>
    public int OverDailyCap { get; init; }
}

/// <summary>
/// Builds a message carrying several notifications (a digest, or a burst folded into one): a header, the items
/// grouped by account, one line each (who, title, company, why) with a "…" menu for its own actions, and
/// "Acknowledge all". One block per item keeps a message within Block Kit's 50 blocks with
/// <see cref="MaxItems"/> items; the sender never puts more in one. Pure.
/// </summary>
public static class DigestComposer
{
    /// <summary>The most items one message carries: 50 blocks less the header, intro, notes and buttons.</summary>
    public const int MaxItems = 45;

    private const int MaxWorkflowsNamed = 2;

    public static Message Compose(DigestContent digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var items = digest.Items;
        if (items.Count is 0 or > MaxItems)
        {
            throw new ArgumentOutOfRangeException(nameof(digest), items.Count, $"A digest carries 1 to {MaxItems} items.");
        }

        var blocks = new List<Block>
        {
            new HeaderBlock(new PlainText(Count(items.Count, "new signal")) { Emoji = false }),
            Context(Intro(items)),
        };

        foreach (var account in items.GroupBy(AccountKey))
        {
            var first = true;
            foreach (var item in account)
            {
                blocks.Add(ItemSection(item, first));
                first = false;
            }
        }

        if (digest.OverDailyCap > 0)
        {
            blocks.Add(Context($":hourglass: {Count(digest.OverDailyCap, "of these")} came in after the daily cap was reached, so they waited for this digest."));
        }

        if (digest.MoreToFollow > 0)
        {
            blocks.Add(Context($":arrow_down: {Count(digest.MoreToFollow, "more signal")} follow in the next message."));
        }

        var unacknowledged = items.Where(i => i.Acknowledgement is null).ToList();
        if (unacknowledged.Count > 0)
        {
            blocks.Add(new ActionsBlock(
            [
                new Button(new PlainText("Acknowledge all")) { ActionId = NotificationActions.AcknowledgeAll, Value = IdValue.Write(items[0].DeliveryId), Style = ButtonStyle.Primary },
            ]) { BlockId = NotificationActions.ActionsBlockId });
        }
        else
        {
            blocks.Add(Context(":white_check_mark: All acknowledged."));
        }

        return new Message(FallbackText(items), blocks);
    }

    private static string AccountKey(NotificationContent item) =>
        (item.Signal.Account.Domain ?? item.Signal.Account.Name).Trim().ToUpperInvariant();

    private static SectionBlock ItemSection(NotificationContent item, bool firstOfAccount)
    {
        var signal = item.Signal;
        var lines = new List<string>();
        if (firstOfAccount)
        {
            var status = signal.Account.Status is { } s ? $" · {Workflows.SignalNames.Label(s)}" : string.Empty;
            lines.Add($"*{UntrustedText.MrkdwnClipped(signal.Account.Name, 80)}*{status}");
        }

        lines.Add($"• {NotificationHeadline.Mrkdwn(signal)}");
        var why = item.Matches.Take(MaxWorkflowsNamed).Select(m => UntrustedText.MrkdwnClipped(m.Workflow.Name, 60));
        var facts = new List<string> { Workflows.SignalNames.Label(signal.Type), $"via {string.Join(", ", why)}" };
        if (item.UndeliveredNote is { } note)
        {
            facts.Add($":warning: {note}");
        }

        if (item.Claim is { } claim)
        {
            facts.Add($":raising_hand: claimed by <@{claim.UserId}>");
        }

        if (item.Acknowledgement is { } ack)
        {
            facts.Add($":white_check_mark: <@{ack.UserId}>");
        }

        if (item.NotRelevant is { } dismissed)
        {
            facts.Add($":no_entry_sign: not relevant (<@{dismissed.UserId}>)");
        }

        lines.Add($"   _{string.Join(" · ", facts)}_");
        return new SectionBlock { Text = UntrustedText.Markdown(string.Join("\n", lines), BlockKitLimits.SectionText), Accessory = Menu(item) };
    }

    private static OverflowMenu? Menu(NotificationContent item)
    {
        var options = new List<Option>();
        if (item.Acknowledgement is null)
        {
            options.Add(Choice("Acknowledge", new DigestItemChoice(NotificationActions.Acknowledge, item.DeliveryId), url: null));
        }

        if (item.IsClaimable)
        {
            options.Add(item.Claim is null
                ? Choice("Claim", new DigestItemChoice(NotificationActions.Claim, item.DeliveryId), url: null)
                : Choice("Release", new DigestItemChoice(NotificationActions.Release, item.DeliveryId), url: null));
        }

        if (item.NotRelevant is null)
        {
            options.Add(Choice("Not relevant…", new DigestItemChoice(NotificationActions.NotRelevant, item.DeliveryId), url: null));
        }

        if (NotificationComposer.SalesforceUrl(item.SalesforceBaseUrl, item.Signal.Account.SalesforceId) is { Length: <= BlockKitLimits.OptionUrl } salesforce)
        {
            options.Add(Choice("Open in Salesforce", new DigestItemChoice(NotificationActions.OpenInSalesforce, item.DeliveryId), salesforce));
        }

        if (NotificationComposer.LinkUrl(item.Signal.Person.LinkedinUrl) is { } linkedin)
        {
            options.Add(Choice("View LinkedIn", new DigestItemChoice(NotificationActions.ViewLinkedin, item.DeliveryId), linkedin));
        }

        if (options.Count < BlockKitLimits.OverflowOptions)
        {
            // A DM digest's line has room for it; a channel digest's menu is full (claim takes the place), so there
            // a line is snoozed from the message its reminder or the single notification shows.
            options.Insert(Math.Min(options.Count, 2), Choice("Snooze…", new DigestItemChoice(NotificationActions.Snooze, item.DeliveryId), url: null));
        }

        // Wrong owner, on a DM digest's line when the menu has room left (the single notification always has the button).
        if (item.CanForward && options.Count < BlockKitLimits.OverflowOptions)
        {
            options.Add(WrongOwnerView.MenuOption(item));
        }

        return options.Count == 0 ? null : new OverflowMenu(options) { ActionId = NotificationActions.ItemMenu };
    }

    private static Option Choice(string text, DigestItemChoice choice, string? url) => new(new PlainText(text), choice.Write()) { Url = url };

    private static string Intro(IReadOnlyList<NotificationContent> items)
    {
        var accounts = items.Select(AccountKey).Distinct().Count();
        var from = items.Min(i => i.Signal.OccurredAt);
        return $"{Count(accounts, "account")} · since {NotificationComposer.SlackDate(from)} · choose … on a line to act on it";
    }

    private static string FallbackText(IReadOnlyList<NotificationContent> items) =>
        UntrustedText.Truncate($"{Count(items.Count, "new signal")}: {UntrustedText.Mrkdwn(NotificationHeadline.Plain(items[0].Signal))}{(items.Count > 1 ? " and more" : string.Empty)}", 3000);

    private static ContextBlock Context(string mrkdwn) => new([UntrustedText.Markdown(mrkdwn)]);

    private static string Count(int n, string noun) =>
        n == 1 ? $"1 {noun}" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} {Plural(noun)}";

    private static string Plural(string noun) => noun.EndsWith("of these", StringComparison.Ordinal) ? noun : noun + "s";
}
