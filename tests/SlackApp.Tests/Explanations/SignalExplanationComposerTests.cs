using SlackApp.Explanations;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Explanations;

/// <summary><see cref="SignalExplanationComposer"/> and <see cref="ItemState"/>: what <c>/usergems why</c> says, without I/O.</summary>
public sealed class SignalExplanationComposerTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 20, 15, 4, 7, TimeSpan.Zero);
    private static readonly DateTimeOffset Nine = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private static ExplainedItem Item(string status, RecipientKind kind = RecipientKind.Channel, string recipient = "C0ALERTS") => new()
    {
        RecipientKind = kind,
        RecipientId = recipient,
        Status = status,
        NextAttemptAt = Nine,
    };

    private static SignalExplanation Found(IReadOnlyList<WorkflowVerdict>? workflows = null, IReadOnlyList<ExplainedItem>? items = null, bool matched = true) => new()
    {
        SignalId = "sig_2Kx9a7",
        Found = new ExplainedSignal
        {
            Signal = SampleSignals.NewExecutiveAtClosedLost(),
            TypeName = "new_hire",
            ReceivedAt = Received,
            Matched = matched,
            MatchedAt = matched ? Received.AddSeconds(2) : null,
            MatchCount = matched ? workflows?.Count(w => w.Matched) ?? 0 : null,
        },
        Workflows = workflows ?? [],
        Items = items ?? [],
    };

    public static TheoryData<string> States() => [DeliveryStatus.Sent, DeliveryStatus.Sending, DeliveryStatus.Held, DeliveryStatus.Suppressed, DeliveryStatus.Failed, DeliveryStatus.Undeliverable, DeliveryStatus.Pending];

    [Theory]
    [InlineData(MessageKind.Digest, RecipientKind.Channel, ":large_green_circle: Sent <!date^1763715600^{date_short_pretty} {time}|2025-11-21 09:00 UTC> in a digest")]
    [InlineData(MessageKind.OneItem, RecipientKind.Channel, ":large_green_circle: Sent <!date^1763715600^{date_short_pretty} {time}|2025-11-21 09:00 UTC> as its own message")]
    [InlineData(MessageKind.OneItem, RecipientKind.User, ":large_green_circle: Sent <!date^1763715600^{date_short_pretty} {time}|2025-11-21 09:00 UTC> as its own message by DM")]
    public void A_sent_item_says_when_and_whether_alone_or_in_a_digest(string kind, RecipientKind recipient, string expected)
    {
        var at = new DateTimeOffset(2025, 11, 21, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, ItemState.Describe(Item(DeliveryStatus.Sent, recipient) with { SentAt = at, MessageKind = kind }));
    }

    [Theory]
    [InlineData(HoldReason.Digest, "the workflow's digest")]
    [InlineData(HoldReason.QuietHours, "quiet hours")]
    [InlineData(HoldReason.DailyCap, "the daily cap (it goes into the next digest)")]
    public void A_held_item_says_why_and_until_when(string reason, string words)
    {
        var text = ItemState.Describe(Item(DeliveryStatus.Held) with { HeldReason = reason });

        Assert.Equal($":double_vertical_bar: Held for {words} until <!date^{Nine.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|2026-11-21 09:00 UTC>", text);
    }

    [Fact]
    public void A_sent_item_that_waited_says_what_it_waited_for()
    {
        var text = ItemState.Describe(Item(DeliveryStatus.Sent) with { SentAt = Nine, MessageKind = MessageKind.Digest, HeldReason = HoldReason.QuietHours, AcknowledgedBy = "U0ANA" });

        Assert.EndsWith("in a digest, after being held for quiet hours · acknowledged by <@U0ANA>", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duplicate", ":no_bell: Not sent: " + ItemState.DuplicateWords)]
    [InlineData("workflow_deleted", ":no_bell: Not sent: Workflow deleted")]
    [InlineData(null, ":no_bell: Not sent: no reason recorded")]
    public void A_suppressed_item_says_why_it_was_not_sent(string? reason, string expected)
    {
        Assert.Equal(expected, ItemState.Describe(Item(DeliveryStatus.Suppressed) with { SuppressedReason = reason }));
    }

    [Fact]
    public void A_failed_item_shows_slacks_code_and_the_reason()
    {
        var text = ItemState.Describe(Item(DeliveryStatus.Failed) with { LastError = "channel_not_found", ErrorDetail = "The channel was archived." });

        Assert.Equal(":x: Failed: Slack said `channel_not_found` (The channel was archived.)", text);
    }

    [Fact]
    public void An_undeliverable_item_says_why()
    {
        var text = ItemState.Describe(Item(DeliveryStatus.Undeliverable, RecipientKind.Role, "owner") with { ErrorDetail = "No Slack user has ae@vendor.example and no fallback channel is set." });

        Assert.Equal(":no_entry_sign: Undeliverable: No Slack user has ae@vendor.example and no fallback channel is set.", text);
    }

    [Theory]
    [InlineData(0, ":hourglass_flowing_sand: Waiting to be sent")]
    [InlineData(2, ":hourglass_flowing_sand: Waiting to retry (2 attempts so far, last `ratelimited`), next try <!date^1795251600^{date_short_pretty} {time}|2026-11-21 09:00 UTC>")]
    public void A_pending_item_says_whether_it_is_retrying(int attempts, string expected)
    {
        Assert.Equal(expected, ItemState.Describe(Item(DeliveryStatus.Pending) with { Attempts = attempts, LastError = attempts > 0 ? "ratelimited" : null }));
    }

    [Fact]
    public void An_unknown_signal_says_so_with_the_retention_and_nothing_else()
    {
        var message = SignalExplanationComposer.Compose(new SignalExplanation { SignalId = "sig_<!channel>" });

        Assert.Contains("I found no signal `sig_&lt;!channel&gt;` in this workspace", Text(message), StringComparison.Ordinal);
        Assert.Contains("kept for a limited time", Text(message), StringComparison.Ordinal);
        Assert.Equal(2, message.Blocks!.Count);
        Assert.Empty(BlockKitValidator.Validate(message));
    }

    [Fact]
    public void A_found_signal_shows_type_person_company_received_and_matching()
    {
        var text = Text(SignalExplanationComposer.Compose(Found()));

        Assert.Contains("*Type:* New hire", text, StringComparison.Ordinal);
        Assert.Contains("*Person:* Jane Doe, VP of Sales", text, StringComparison.Ordinal);
        Assert.Contains("*Company:* Acme Corp", text, StringComparison.Ordinal);
        Assert.Contains($"*Received:* <!date^{Received.ToUnixTimeSeconds()}^", text, StringComparison.Ordinal);
        Assert.Contains("*Matching:* matched <!date^", text, StringComparison.Ordinal);
        Assert.Contains("No workflow matched, so nothing was sent.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_signal_says_it_is_not_matched_yet()
    {
        var text = Text(SignalExplanationComposer.Compose(Found(matched: false)));

        Assert.Contains("*Matching:* pending — not matched yet", text, StringComparison.Ordinal);
        Assert.Contains("Nothing planned yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Workflows_list_matches_first_then_why_the_others_did_not()
    {
        var message = SignalExplanationComposer.Compose(Found(
        [
            new WorkflowVerdict(2, "Customers only", [], "Account status Closed Lost is not one of Customer"),
            new WorkflowVerdict(1, "Execs", ["New hire", "VP meets Director+"], null),
        ]));

        var text = Text(message);
        Assert.True(text.IndexOf("*Execs* (#1): matches · New hire · VP meets Director+", StringComparison.Ordinal)
            < text.IndexOf("*Customers only* (#2): Account status Closed Lost is not one of Customer", StringComparison.Ordinal));
        Assert.Contains("as they are now", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_name_their_recipient_and_workflow()
    {
        var message = SignalExplanationComposer.Compose(Found(items:
        [
            Item(DeliveryStatus.Held) with { HeldReason = HoldReason.Digest, WorkflowName = "Execs" },
            Item(DeliveryStatus.Suppressed, RecipientKind.User, "U0ANA") with { SuppressedReason = "duplicate" },
            Item(DeliveryStatus.Undeliverable, RecipientKind.Role, "csm"),
        ]));

        var text = Text(message);
        Assert.Contains("<#C0ALERTS> (via *Execs*): :double_vertical_bar: Held for the workflow's digest", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ANA>: :no_bell: Not sent: duplicate", text, StringComparison.Ordinal);
        Assert.Contains("CSM: :no_entry_sign: Undeliverable", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Untrusted_names_cannot_ping_or_break_the_formatting()
    {
        var message = SignalExplanationComposer.Compose(Found(
            [new WorkflowVerdict(1, "*<!here>*", [], "Department <!channel> is not one of Sales")],
            [Item(DeliveryStatus.Suppressed, RecipientKind.User, "U0ANA>|<!channel") with { SuppressedReason = "<!everyone>" }]));

        var text = Text(message);
        Assert.DoesNotContain("<!here>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!everyone>", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ANAchannel>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hundreds_of_workflows_and_items_stay_under_50_blocks_and_valid()
    {
        var workflows = Enumerable.Range(1, 300).Select(i => new WorkflowVerdict(i, new string('W', 60), [], new string('x', 500))).ToList();
        var items = Enumerable.Range(1, 300).Select(i => Item(DeliveryStatus.Failed, RecipientKind.User, $"U{i:D8}") with { LastError = "ratelimited", ErrorDetail = new string('&', 400), WorkflowName = new string('N', 60) }).ToList();

        var message = SignalExplanationComposer.Compose(Found(workflows, items));

        Assert.InRange(message.Blocks!.Count, 1, 49);
        Assert.Empty(BlockKitValidator.Validate(message));
        Assert.Contains("more.", Text(message), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Every_state_composes_a_valid_message(string status)
    {
        var message = SignalExplanationComposer.Compose(Found(items: [Item(status) with { SentAt = Nine, MessageKind = MessageKind.Digest, HeldReason = HoldReason.Digest }]));

        Assert.Empty(BlockKitValidator.Validate(message));
    }

    private static string Text(Message message) =>
        string.Join('\n', message.Blocks!.OfType<SectionBlock>().Select(s => ((MarkdownText)s.Text!).Text)
            .Concat(message.Blocks!.OfType<ContextBlock>().SelectMany(c => c.Elements.OfType<MarkdownText>().Select(t => t.Text))));
}
