using System.Text.Json;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

public sealed class NotificationComposerTests
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
        Matches = [new WorkflowMatch(Execs, ["New hire", "VP is Director+", "Account is Closed Lost"])],
        DeliveryId = 42,
        SalesforceBaseUrl = "https://acme.lightning.force.com/",
    };

    private static string Json(Message message) => JsonSerializer.Serialize(message, SlackJson.Options);

    private static IEnumerable<Button> ButtonsOf(Message message) =>
        message.Blocks!.OfType<ActionsBlock>().SelectMany(a => a.Elements).OfType<Button>();

    [Fact]
    public void Notification_passes_the_block_kit_validator()
    {
        Assert.Empty(BlockKitValidator.Validate(NotificationComposer.Compose(Content())));
    }

    [Fact]
    public void Headline_names_the_new_executive_and_account()
    {
        var message = NotificationComposer.Compose(Content());

        var headline = Assert.IsType<SectionBlock>(message.Blocks![0]);
        Assert.Contains("New executive at *Acme Corp*", headline.Text!.Text, StringComparison.Ordinal);
        Assert.StartsWith("New executive at Acme Corp: Jane Doe, VP of Sales", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignalType.Promotion, "Promotion at *Acme Corp*")]
    [InlineData(SignalType.JobChange, "Past champion *Jane Doe* joined *Acme Corp*")]
    [InlineData(SignalType.ContactLeft, "*Jane Doe* left *Acme Corp*")]
    public void Headline_follows_the_signal_type(SignalType type, string expected)
    {
        var signal = SampleSignals.NewExecutiveAtClosedLost() with { Type = type };

        Assert.Equal(expected, NotificationComposer.Headline(signal));
    }

    [Fact]
    public void A_new_hire_below_director_is_not_called_an_executive()
    {
        var signal = SampleSignals.NewExecutiveAtClosedLost();
        signal = signal with { Person = signal.Person with { Seniority = Seniority.Manager } };

        Assert.Equal("New hire at *Acme Corp*", NotificationComposer.Headline(signal));
    }

    [Fact]
    public void Open_in_salesforce_links_to_the_lightning_account_page()
    {
        var salesforce = ButtonsOf(NotificationComposer.Compose(Content())).Single(b => b.ActionId == NotificationActions.OpenInSalesforce);

        Assert.Equal("https://acme.lightning.force.com/lightning/r/Account/0015g00000XyZabAAB/view", salesforce.Url);
    }

    [Fact]
    public void No_salesforce_button_without_a_base_url_or_an_account_id()
    {
        var noBase = Content() with { SalesforceBaseUrl = null };
        var signal = SampleSignals.NewExecutiveAtClosedLost();
        var noId = Content(signal with { Account = signal.Account with { SalesforceId = null } });

        Assert.DoesNotContain(ButtonsOf(NotificationComposer.Compose(noBase)), b => b.ActionId == NotificationActions.OpenInSalesforce);
        Assert.DoesNotContain(ButtonsOf(NotificationComposer.Compose(noId)), b => b.ActionId == NotificationActions.OpenInSalesforce);
    }

    [Fact]
    public void Acknowledge_is_primary_and_carries_the_delivery_id()
    {
        var buttons = ButtonsOf(NotificationComposer.Compose(Content())).ToList();

        var acknowledge = buttons[0];
        Assert.Equal(NotificationActions.Acknowledge, acknowledge.ActionId);
        Assert.Equal(ButtonStyle.Primary, acknowledge.Style);
        Assert.Equal("42", acknowledge.Value);
        Assert.Contains(buttons, b => b.ActionId == NotificationActions.ViewLinkedin && b.Url == "https://www.linkedin.com/in/janedoe");
    }

    [Fact]
    public void A_name_cannot_ping_the_channel_or_break_the_layout()
    {
        var signal = SampleSignals.NewExecutiveAtClosedLost();
        signal = signal with
        {
            Type = SignalType.ContactLeft,
            Person = signal.Person with { FullName = "*<!channel>*", Title = "<https://evil.example|click> `x` _y_ ~z~" },
            Account = signal.Account with { Name = "<@U0BOSS> & co" },
        };

        var message = NotificationComposer.Compose(Content(signal));
        var json = Json(message);

        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0BOSS>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", message.Text, StringComparison.Ordinal);
        var headline = Assert.IsType<SectionBlock>(message.Blocks![0]).Text!.Text;
        // The only asterisks left are the composer's own bold marks around the name and account.
        Assert.Equal(4, headline.Count(c => c == '*'));
        Assert.Contains("&lt;!channel&gt;", headline, StringComparison.Ordinal);
        Assert.Contains("&lt;@U0BOSS&gt; &amp; co", headline, StringComparison.Ordinal);
        Assert.Empty(BlockKitValidator.Validate(message));
    }

    [Fact]
    public void Why_line_names_each_matching_workflow_and_its_conditions()
    {
        var second = Execs with { Id = 8, Name = "All new hires" };
        var content = Content() with { Matches = [.. Content().Matches, new WorkflowMatch(second, ["New hire"])] };

        var why = NotificationComposer.Compose(content).Blocks!.OfType<ContextBlock>().Select(c => ((MarkdownText)c.Elements[0]).Text).First(t => t.StartsWith("Workflows", StringComparison.Ordinal));

        Assert.Equal("Workflows: *Execs at Closed Lost* (New hire · VP is Director+ · Account is Closed Lost); *All new hires* (New hire)", why);
    }

    [Fact]
    public void Acknowledged_message_replaces_the_button_with_who_and_when()
    {
        var content = Content() with { Acknowledgement = new Acknowledgement("U0AE", new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.Zero)) };

        var message = NotificationComposer.Compose(content);

        Assert.DoesNotContain(ButtonsOf(message), b => b.ActionId == NotificationActions.Acknowledge);
        Assert.Contains(ButtonsOf(message), b => b.ActionId == NotificationActions.OpenInSalesforce);
        Assert.Contains("Acknowledged by <@U0AE> · <!date^1795703400^", Json(message), StringComparison.Ordinal);
        Assert.Empty(BlockKitValidator.Validate(message));
    }

    [Fact]
    public void Test_notification_is_marked_as_a_test()
    {
        var message = NotificationComposer.Compose(Content() with { IsTest = true });

        Assert.StartsWith("[Test] ", message.Text, StringComparison.Ordinal);
        Assert.Contains("Test notification", Json(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Fallback_copy_says_whose_DM_could_not_be_delivered()
    {
        var message = NotificationComposer.Compose(Content() with { UndeliveredNote = "Could not DM the account owner: ae@vendor.example is not in this Slack workspace." });

        Assert.Contains("ae@vendor.example is not in this Slack workspace", Json(message), StringComparison.Ordinal);
    }

    [Fact]
    public void A_linkedin_url_longer_than_a_button_url_may_be_leaves_out_the_link_and_button_and_stays_valid()
    {
        var url = "https://www.linkedin.com/in/janedoe?" + new string('a', 3500);
        var signal = SampleSignals.NewExecutiveAtClosedLost() with { Person = SampleSignals.NewExecutiveAtClosedLost().Person with { LinkedinUrl = url } };

        var message = NotificationComposer.Compose(Content(signal));

        Assert.Empty(BlockKitValidator.Validate(message));
        Assert.DoesNotContain(ButtonsOf(message), b => b.ActionId == NotificationActions.ViewLinkedin);
        Assert.Contains(ButtonsOf(message), b => b.ActionId == NotificationActions.Acknowledge);
        Assert.DoesNotContain("linkedin.com", Json(message), StringComparison.Ordinal);
    }

    [Fact]
    public void A_linkedin_url_too_long_for_the_person_field_keeps_the_name_unlinked_and_whole()
    {
        // Fits a button (3000) but not the 2000-character field around it: cut there, <url|name> would break.
        var url = "https://www.linkedin.com/in/janedoe?" + new string('a', 1990);
        var signal = SampleSignals.NewExecutiveAtClosedLost() with { Person = SampleSignals.NewExecutiveAtClosedLost().Person with { LinkedinUrl = url } };

        var message = NotificationComposer.Compose(Content(signal));

        Assert.Empty(BlockKitValidator.Validate(message));
        var person = message.Blocks!.OfType<SectionBlock>().SelectMany(s => s.Fields ?? []).First();
        Assert.Equal("*Person*\nJane Doe", person.Text);
        Assert.Contains(ButtonsOf(message), b => b.ActionId == NotificationActions.ViewLinkedin && b.Url == url);
    }

    [Fact]
    public void A_salesforce_link_longer_than_a_button_url_may_be_leaves_out_the_button()
    {
        var signal = SampleSignals.NewExecutiveAtClosedLost();
        signal = signal with { Account = signal.Account with { SalesforceId = new string('0', 3000) } };

        var message = NotificationComposer.Compose(Content(signal));

        Assert.Empty(BlockKitValidator.Validate(message));
        Assert.DoesNotContain(ButtonsOf(message), b => b.ActionId == NotificationActions.OpenInSalesforce);
    }
}
