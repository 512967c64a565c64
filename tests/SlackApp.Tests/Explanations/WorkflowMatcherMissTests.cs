using SlackApp.Workflows;

namespace SlackApp.Tests.Explanations;

/// <summary><see cref="WorkflowMatcher.ExplainMiss"/>: each condition that can keep a workflow from a signal, in words.</summary>
public sealed class WorkflowMatcherMissTests
{
    private static Signal NewHire(Seniority? seniority = Seniority.Manager, AccountStatus? status = AccountStatus.Customer, string? title = "Head of Ops",
        string? department = "Sales", PersonRelationship? relationship = PersonRelationship.Buyer) => new()
    {
        Id = "sig_1",
        Type = SignalType.NewHire,
        OccurredAt = new DateTimeOffset(2026, 11, 20, 15, 4, 5, TimeSpan.Zero),
        Person = new SignalPerson { FullName = "Jane Doe", Title = title, Seniority = seniority, Department = department, Relationship = relationship },
        Account = new SignalAccount { Name = "Acme Corp", Status = status },
    };

    private static Workflow Workflow(WorkflowFilters? filters = null, bool enabled = true, SignalType[]? types = null) => new()
    {
        Id = 7,
        TeamId = "T1",
        Name = "Execs",
        Enabled = enabled,
        SignalTypes = types ?? [SignalType.NewHire],
        Filters = filters ?? new WorkflowFilters(),
        Recipients = new WorkflowRecipients { ChannelIds = ["C1"] },
    };

    // One filter at a time, by name (theory data stays serialisable).
    private static WorkflowFilters Only(string filter) => filter switch
    {
        "seniority" => new WorkflowFilters { MinimumSeniority = Seniority.Director },
        "status" => new WorkflowFilters { AccountStatuses = [AccountStatus.ClosedLost, AccountStatus.Target] },
        "department" => new WorkflowFilters { Departments = ["Marketing"] },
        "relationship" => new WorkflowFilters { Relationships = [PersonRelationship.Champion] },
        "title" => new WorkflowFilters { TitleKeywords = ["VP", "Chief"] },
        _ => throw new ArgumentOutOfRangeException(nameof(filter)),
    };

    [Theory]
    [InlineData("seniority", "Seniority Manager is below Director+")]
    [InlineData("status", "Account status Customer is not one of Closed Lost, Target")]
    [InlineData("department", "Department Sales is not one of Marketing")]
    [InlineData("relationship", "Known as Buyer, not one of Champion")]
    [InlineData("title", "Title \"Head of Ops\" contains none of \"VP\", \"Chief\"")]
    public void A_failed_filter_is_named_with_the_signals_value_and_the_workflows(string filter, string expected)
    {
        Assert.Equal(expected, WorkflowMatcher.ExplainMiss(NewHire(), Workflow(Only(filter))));
        Assert.Null(WorkflowMatcher.Explain(NewHire(), Workflow(Only(filter))));
    }

    [Theory]
    [InlineData("seniority", "It needs Director+ and the signal gives no seniority")]
    [InlineData("status", "It needs an account status of Closed Lost, Target and the signal gives none")]
    [InlineData("department", "It needs a department of Marketing and the signal gives none")]
    [InlineData("relationship", "It needs someone known as Champion and the signal gives no relationship")]
    [InlineData("title", "It needs a title containing \"VP\", \"Chief\" and the signal gives no title")]
    public void A_filter_on_a_value_the_signal_lacks_says_the_signal_gives_none(string filter, string expected)
    {
        var bare = NewHire(seniority: null, status: null, title: null, department: null, relationship: null);

        Assert.Equal(expected, WorkflowMatcher.ExplainMiss(bare, Workflow(Only(filter))));
    }

    [Fact]
    public void A_signal_type_outside_the_trigger_names_both()
    {
        var miss = WorkflowMatcher.ExplainMiss(NewHire(), Workflow(types: [SignalType.Promotion, SignalType.JobChange]));

        Assert.Equal("Its trigger is Promotion, Job change; this signal is a New hire", miss);
    }

    [Fact]
    public void A_matching_workflow_has_no_miss()
    {
        Assert.Null(WorkflowMatcher.ExplainMiss(NewHire(), Workflow(new WorkflowFilters { MinimumSeniority = Seniority.Manager })));
    }

    [Theory]
    [InlineData(true, "Paused (it would otherwise have matched)")]
    [InlineData(false, "Paused; besides, seniority Manager is below Director+")]
    public void A_paused_workflow_says_paused_first_and_whether_it_would_have_matched(bool wouldMatch, string expected)
    {
        var filters = new WorkflowFilters { MinimumSeniority = wouldMatch ? Seniority.Manager : Seniority.Director };

        Assert.Equal(expected, WorkflowMatcher.ExplainMiss(NewHire(), Workflow(filters, enabled: false)));
    }

    [Fact]
    public void The_first_failing_filter_is_the_one_named()
    {
        var filters = new WorkflowFilters { MinimumSeniority = Seniority.Vp, Departments = ["Marketing"] };

        Assert.StartsWith("Seniority", WorkflowMatcher.ExplainMiss(NewHire(), Workflow(filters)), StringComparison.Ordinal);
    }
}
