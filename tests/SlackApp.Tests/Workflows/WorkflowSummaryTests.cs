using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Workflows;

public sealed class WorkflowSummaryTests
{
    [Fact]
    public void Reads_trigger_filters_and_recipients_in_one_line()
    {
        var workflow = WorkflowApp.Draft("x") with
        {
            SignalTypes = [SignalType.NewHire, SignalType.Promotion],
            Filters = new WorkflowFilters { MinimumSeniority = Seniority.Director, AccountStatuses = [AccountStatus.ClosedLost, AccountStatus.Customer] },
            Recipients = new WorkflowRecipients { Roles = [AccountRole.Owner], ChannelIds = ["C0AEALERTS"] },
        };

        Assert.Equal("New hire, Promotion · Director+ · Closed Lost, Customer → DM account owner, <#C0AEALERTS>", WorkflowSummary.Line(workflow));
    }

    [Fact]
    public void Without_filters_goes_straight_from_trigger_to_recipients()
    {
        var workflow = WorkflowApp.Draft("x") with
        {
            SignalTypes = [SignalType.JobChange],
            Filters = new WorkflowFilters(),
            Recipients = new WorkflowRecipients { UserIds = ["U0BOSS"], Roles = [AccountRole.Csm, AccountRole.Sdr] },
        };

        Assert.Equal("Job change → DM CSM, SDR, <@U0BOSS>", WorkflowSummary.Line(workflow));
    }

    [Fact]
    public void Names_relationships_departments_and_keywords_with_user_text_escaped()
    {
        var workflow = WorkflowApp.Draft("x") with
        {
            SignalTypes = [SignalType.JobChange],
            Filters = new WorkflowFilters
            {
                MinimumSeniority = Seniority.CLevel,
                Relationships = [PersonRelationship.Champion, PersonRelationship.Buyer],
                Departments = ["R&D"],
                TitleKeywords = ["<!channel>", "*VP*"],
            },
            Recipients = new WorkflowRecipients { ChannelIds = ["C1"] },
        };

        var line = WorkflowSummary.Line(workflow);

        Assert.StartsWith("Job change · C-level · was champion or buyer · in R&amp;D · title has \"&lt;!channel&gt;\" or \"\uFF0AVP\uFF0A\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_digest_and_a_cap_follow_the_recipients()
    {
        var workflow = WorkflowApp.Draft("x") with
        {
            SignalTypes = [SignalType.JobChange],
            Filters = new WorkflowFilters(),
            Recipients = new WorkflowRecipients { ChannelIds = ["C1"] },
            Delivery = new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromHours(2), DailyCap = 20 },
        };

        Assert.Equal("Job change → <#C1> · digest every 2 h · at most 20 a day per recipient", WorkflowSummary.Line(workflow));
    }

    [Theory]
    [InlineData(DeliveryMode.Digest, 90, "digest every 1 h 30 min")]
    [InlineData(DeliveryMode.Digest, 15, "digest every 15 min")]
    [InlineData(DeliveryMode.Digest, 1440, "digest every 24 h")]
    [InlineData(DeliveryMode.DailyDigest, 60, "daily digest at 09:00")]
    public void Names_the_digest(DeliveryMode mode, int everyMinutes, string expected)
    {
        var delivery = new WorkflowDelivery { Mode = mode, DigestEvery = TimeSpan.FromMinutes(everyMinutes) };

        Assert.Equal([expected], WorkflowSummary.Delivery(delivery));
    }

    [Fact]
    public void Says_repeats_allowed_when_the_duplicate_window_is_off_and_names_a_window_other_than_a_week()
    {
        Assert.Equal(["repeats allowed"], WorkflowSummary.Delivery(new WorkflowDelivery { DuplicateWindow = null }));
        Assert.Equal(["no repeats within 30 days"], WorkflowSummary.Delivery(new WorkflowDelivery { DuplicateWindow = TimeSpan.FromDays(30) }));
    }

    [Fact]
    public void Default_delivery_adds_nothing()
    {
        var workflow = WorkflowApp.Draft("x") with { SignalTypes = [SignalType.JobChange], Filters = new WorkflowFilters(), Recipients = new WorkflowRecipients { ChannelIds = ["C1"] } };

        Assert.Empty(WorkflowSummary.Delivery(WorkflowDelivery.Default));
        Assert.Equal("Job change → <#C1>", WorkflowSummary.Line(workflow));
    }

    [Fact]
    public void A_workflow_without_recipients_says_nobody()
    {
        Assert.Equal("nobody", WorkflowSummary.Recipients(new WorkflowRecipients()));
    }
}
