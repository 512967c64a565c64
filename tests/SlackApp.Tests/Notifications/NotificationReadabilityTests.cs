using System.Text.Json;
using SlackApp.Notifications;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

/// <summary>The notification reads at a glance: what happened, who the reader is to the account, the facts, why, and the buttons.</summary>
public sealed class NotificationReadabilityTests
{
    private static readonly Workflow Execs = new()
    {
        Id = 7,
        TeamId = "T1",
        Name = "Execs at Closed Lost",
        SignalTypes = [SignalType.NewHire],
        Recipients = new WorkflowRecipients { Roles = [AccountRole.Owner] },
    };

    private static NotificationContent Content(Signal? signal = null) => new()
    {
        Signal = signal ?? SampleSignals.NewExecutiveAtClosedLost(),
        Matches = [new WorkflowMatch(Execs, ["New hire", "VP meets Director+", "Account is Closed Lost"])],
        DeliveryId = 42,
        SalesforceBaseUrl = "https://acme.lightning.force.com/",
    };

    private static Signal Jane(Func<SignalPerson, SignalPerson>? person = null, Func<SignalAccount, SignalAccount>? account = null)
    {
        var signal = SampleSignals.NewExecutiveAtClosedLost();
        return signal with { Person = (person ?? (p => p))(signal.Person), Account = (account ?? (a => a))(signal.Account) };
    }

    private static string Header(Message message) => Assert.IsType<HeaderBlock>(message.Blocks!.First(b => b is HeaderBlock)).Text.Text;

    private static List<string> Fields(Message message) =>
        message.Blocks!.OfType<SectionBlock>().SelectMany(s => s.Fields ?? [s.Text!]).Select(t => t.Text).ToList();

    private static List<string> Contexts(Message message) =>
        message.Blocks!.OfType<ContextBlock>().SelectMany(c => c.Elements).OfType<MarkdownText>().Select(t => t.Text).ToList();

    [Theory]
    [InlineData(SignalType.NewHire, "Jane Doe joined Acme Corp as VP of Sales")]
    [InlineData(SignalType.JobChange, "Past champion Jane Doe joined Acme Corp as VP of Sales")]
    [InlineData(SignalType.Promotion, "Jane Doe was promoted to VP of Sales at Acme Corp")]
    [InlineData(SignalType.ContactLeft, "Jane Doe left Acme Corp")]
    public void The_header_says_what_happened_per_signal_type_and_the_text_fallback_is_the_same(SignalType type, string expected)
    {
        var message = NotificationComposer.Compose(Content(Jane() with { Type = type }));

        Assert.Equal(expected, Header(message));
        Assert.Equal(expected, message.Text);
        Assert.Empty(BlockKitValidator.Validate(message));
    }

    [Theory]
    [InlineData(SignalType.NewHire, "Jane Doe joined Acme Corp")]
    [InlineData(SignalType.Promotion, "Jane Doe was promoted at Acme Corp")]
    public void Without_a_title_the_headline_still_reads(SignalType type, string expected)
    {
        var message = NotificationComposer.Compose(Content(Jane(p => p with { Title = null }) with { Type = type }));

        Assert.Equal(expected, message.Text);
    }

    [Theory]
    [InlineData(AccountRole.Owner, "You own this account")]
    [InlineData(AccountRole.Csm, "You're the CSM of this account")]
    [InlineData(AccountRole.Sdr, "You're the SDR of this account")]
    public void A_dm_says_why_the_reader_gets_it_from_their_role_on_the_account(AccountRole role, string reason)
    {
        var content = Content() with { People = AccountPeople.None.With(role, "U0ME"), ReaderUserId = "U0ME" };

        Assert.Contains(Contexts(NotificationComposer.Compose(content)), c => c.Contains($"*{reason}*", StringComparison.Ordinal));
    }

    [Fact]
    public void A_channel_post_or_a_dm_to_someone_without_a_role_gives_no_reason()
    {
        var people = new AccountPeople(OwnerUserId: "U0AE");

        var channel = NotificationComposer.Compose(Content() with { People = people });
        var other = NotificationComposer.Compose(Content() with { People = people, ReaderUserId = "U0SOMEONE" });

        Assert.DoesNotContain(Contexts(channel), c => c.Contains("You", StringComparison.Ordinal));
        Assert.DoesNotContain(Contexts(other), c => c.Contains("You", StringComparison.Ordinal));
    }

    [Fact]
    public void The_owner_is_a_mention_when_found_in_slack_and_the_email_otherwise()
    {
        var found = NotificationComposer.Compose(Content() with { People = new AccountPeople(OwnerUserId: "U0AE") });
        var missing = NotificationComposer.Compose(Content());

        Assert.Contains("*Owner*\n<@U0AE>", Fields(found));
        Assert.DoesNotContain(Fields(found), f => f.Contains("ae@vendor.example", StringComparison.Ordinal));
        Assert.Contains("*Owner*\nae@vendor.example", Fields(missing));
    }

    [Fact]
    public void The_account_links_to_salesforce_only_with_a_base_url_and_an_account_id()
    {
        var linked = NotificationComposer.Compose(Content());
        var noBase = NotificationComposer.Compose(Content() with { SalesforceBaseUrl = null });

        Assert.Contains("*Account*\n<https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZabAAB/view|Acme Corp>", Fields(linked));
        Assert.Contains("*Account*\nAcme Corp", Fields(noBase));
    }

    [Fact]
    public void When_it_happened_is_in_slacks_date_format_and_the_department_is_a_label()
    {
        var message = NotificationComposer.Compose(Content(Jane(p => p with { Department = "customer_success" })));
        var at = SampleSignals.NewExecutiveAtClosedLost().OccurredAt.ToUnixTimeSeconds();

        Assert.Contains(Contexts(message), c => c.Contains($"<!date^{at}^{{date_short_pretty}} at {{time}}|2026-11-20 15:04 UTC>", StringComparison.Ordinal));
        Assert.Contains("*Department*\nCustomer success", Fields(message));
    }

    [Fact]
    public void The_name_is_not_a_second_linkedin_link_next_to_the_button()
    {
        var message = NotificationComposer.Compose(Content());

        var linkedin = message.Blocks!.OfType<ActionsBlock>().SelectMany(a => a.Elements).OfType<Button>().Single(b => b.ActionId == NotificationActions.ViewLinkedin);
        Assert.Equal("https://www.linkedin.com/in/janedoe", linkedin.Url);
        Assert.DoesNotContain(Fields(message).Concat(Contexts(message)), t => t.Contains("linkedin.com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public void Facts_come_in_pairs_and_an_odd_one_out_gets_a_line_of_its_own(bool owner, bool department, bool previous)
    {
        var signal = Jane(
            p => p with { Department = department ? "sales" : null, PreviousCompany = previous ? "Globex" : null, PreviousTitle = null },
            a => a with { OwnerEmail = owner ? "ae@vendor.example" : null });

        var message = NotificationComposer.Compose(Content(signal));

        Assert.All(message.Blocks!.OfType<SectionBlock>().Where(s => s.Fields is not null), s => Assert.True(s.Fields!.Count % 2 == 0, $"{s.Fields!.Count} fields"));
        Assert.Empty(BlockKitValidator.Validate(message));
    }

    [Fact]
    public void The_why_line_says_which_workflows_matched_and_how()
    {
        var second = Execs with { Id = 8, Name = "All new hires" };
        var content = Content() with { Matches = [.. Content().Matches, new WorkflowMatch(second, ["New hire"])] };

        Assert.Contains(
            "Matched *Execs at Closed Lost*: New hire · VP meets Director+ · Account is Closed Lost; *All new hires*: New hire",
            Contexts(NotificationComposer.Compose(content)));
    }

    [Fact]
    public void A_name_cannot_ping_the_channel_or_break_the_layout()
    {
        var signal = Jane(
            p => p with { FullName = "*<!channel>*", Title = "<https://evil.example|click> `x` _y_ ~z~" },
            a => a with { Name = "<@U0BOSS> & co" }) with { Type = SignalType.ContactLeft };

        var message = NotificationComposer.Compose(Content(signal));
        var mrkdwn = string.Join("\n", Fields(message).Concat(Contexts(message)));

        // The header is plain_text, which Slack never parses for mentions or links; every mrkdwn text is escaped.
        Assert.IsType<PlainText>(message.Blocks!.OfType<HeaderBlock>().Single().Text);
        Assert.DoesNotContain("<!channel>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0BOSS>", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", message.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;@U0BOSS&gt; &amp; co", mrkdwn, StringComparison.Ordinal);
        Assert.Empty(BlockKitValidator.Validate(message));
    }

    [Fact]
    public void A_2000_character_name_with_a_stray_mark_is_cut_cleanly_everywhere()
    {
        var name = "*" + new string('J', 2000) + "😀";
        var signal = Jane(p => p with { FullName = name }, a => a with { Name = name });

        var message = NotificationComposer.Compose(Content(signal));
        var headline = NotificationComposer.Headline(signal);

        Assert.True(Header(message).Length <= BlockKitLimits.HeaderText);
        Assert.True(message.Text.Length < 200, message.Text);
        // Only the composer's own bold marks around the name and the account; the stray one became a look-alike.
        Assert.Equal(4, headline.Count(c => c == '*'));
        Assert.True(headline.Length < 300, headline);
        Assert.Empty(BlockKitValidator.Validate(message));
        Assert.Null(Record.Exception(() => JsonSerializer.Serialize(message, SlackJson.Options)));
    }

    [Theory]
    [InlineData(SignalType.NewHire, "[Test] Jordan Sample joined Example Corp as CFO")]
    [InlineData(SignalType.JobChange, "[Test] Past champion Jordan Sample joined Example Corp as CFO")]
    [InlineData(SignalType.Promotion, "[Test] Jordan Sample was promoted to CFO at Example Corp")]
    [InlineData(SignalType.ContactLeft, "[Test] Jordan Sample left Example Corp")]
    public void A_test_sample_has_the_workflows_signal_type_matches_it_and_shows_every_button(SignalType type, string text)
    {
        var workflow = Execs with
        {
            SignalTypes = [type, SignalType.NewHire],
            Filters = new WorkflowFilters { MinimumSeniority = Seniority.CLevel, Departments = ["Finance"], TitleKeywords = ["CFO"] },
        };
        var signal = SampleSignal.For(workflow, new DateTimeOffset(2026, 11, 20, 15, 4, 5, TimeSpan.Zero));
        var reasons = WorkflowMatcher.Explain(signal, workflow);

        var message = NotificationComposer.Compose(new NotificationContent
        {
            Signal = signal,
            Matches = [new WorkflowMatch(workflow, reasons!)],
            DeliveryId = 1,
            SalesforceBaseUrl = "https://acme.lightning.force.com",
            IsTest = true,
            People = SampleSignal.PeopleFor(workflow, "U0ME"),
            ReaderUserId = "U0ME",
        });

        Assert.Equal(type, signal.Type);
        Assert.NotNull(reasons);
        Assert.Equal(text, message.Text);
        Assert.Equal(
            [NotificationActions.Acknowledge, NotificationActions.OpenInSalesforce, NotificationActions.ViewLinkedin],
            message.Blocks!.OfType<ActionsBlock>().SelectMany(a => a.Elements).OfType<Button>().Select(b => b.ActionId));
        Assert.Contains(Contexts(message), c => c.Contains("*You own this account*", StringComparison.Ordinal));
        Assert.Empty(BlockKitValidator.Validate(message));
    }
}
