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
    public void A_workflow_without_recipients_says_nobody()
    {
        Assert.Equal("nobody", WorkflowSummary.Recipients(new WorkflowRecipients()));
    }
}
