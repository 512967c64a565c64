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
        Matches = [new WorkflowMatch(Execs, ["New hire", "VP meets Director+", "Account is Closed Lost"])],
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
    public void A_salesforce_link_longer_than_a_button_url_may_be_leaves_out_the_button()
    {
        var signal = SampleSignals.NewExecutiveAtClosedLost();
        signal = signal with { Account = signal.Account with { SalesforceId = new string('0', 3000) } };

        var message = NotificationComposer.Compose(Content(signal));

        Assert.Empty(BlockKitValidator.Validate(message));
        Assert.DoesNotContain(ButtonsOf(message), b => b.ActionId == NotificationActions.OpenInSalesforce);
    }
}
