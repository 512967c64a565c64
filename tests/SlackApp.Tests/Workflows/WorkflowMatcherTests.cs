using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Workflows;

public sealed class WorkflowMatcherTests
{
    private static Signal NewHire(Seniority? seniority = Seniority.Vp, AccountStatus? status = AccountStatus.ClosedLost, string? title = "VP of Sales") => new()
    {
        Id = "sig_1",
        Type = SignalType.NewHire,
        OccurredAt = new DateTimeOffset(2026, 11, 20, 15, 4, 5, TimeSpan.Zero),
        Person = new SignalPerson { FullName = "Jane Doe", Title = title, Seniority = seniority, Department = "Sales", Relationship = PersonRelationship.Champion },
        Account = new SignalAccount { Name = "Acme Corp", Status = status, OwnerEmail = "ae@vendor.example", CsmEmail = "csm@vendor.example" },
    };

    private static Workflow Workflow(string name, SignalType[] types, WorkflowFilters? filters = null, bool enabled = true) => new()
    {
        Id = name.Length,
        TeamId = "T1",
        Name = name,
        Enabled = enabled,
        SignalTypes = types,
        Filters = filters ?? new WorkflowFilters(),
        Recipients = new WorkflowRecipients { Roles = [AccountRole.Owner] },
    };

    [Fact]
    public void New_executive_at_a_closed_lost_account_matches_the_DM_its_AE_workflow()
    {
        var executives = Workflow("Execs at Closed Lost", [SignalType.NewHire], new WorkflowFilters
        {
            MinimumSeniority = Seniority.Vp,
            AccountStatuses = [AccountStatus.ClosedLost],
        });

        var match = Assert.Single(WorkflowMatcher.Match(NewHire(), [executives]));

        Assert.Same(executives, match.Workflow);
        Assert.Equal(["New hire", "VP meets VP+", "Account is Closed Lost"], match.Reasons);
        Assert.Equal([AccountRole.Owner], match.Workflow.Recipients.Roles);
    }

    [Fact]
    public void Director_plus_promotion_at_a_customer_matches_the_DM_its_CSM_workflow()
    {
        var promotions = Workflow("Customer promotions", [SignalType.Promotion], new WorkflowFilters
        {
            MinimumSeniority = Seniority.Director,
            AccountStatuses = [AccountStatus.Customer],
        }) with { Recipients = new WorkflowRecipients { Roles = [AccountRole.Csm] } };
        var promotion = NewHire(Seniority.Director, AccountStatus.Customer) with { Type = SignalType.Promotion };

        var match = Assert.Single(WorkflowMatcher.Match(promotion, [promotions]));

        Assert.Equal(["Promotion", "Director meets Director+", "Account is Customer"], match.Reasons);
    }

    [Theory]
    [InlineData(Seniority.IndividualContributor, false)]
    [InlineData(Seniority.Manager, false)]
    [InlineData(Seniority.Director, true)]
    [InlineData(Seniority.Vp, true)]
    [InlineData(Seniority.CLevel, true)]
    public void Director_plus_means_director_vp_or_c_level(Seniority seniority, bool matches)
    {
        var workflow = Workflow("Directors", [SignalType.NewHire], new WorkflowFilters { MinimumSeniority = Seniority.Director });

        Assert.Equal(matches, WorkflowMatcher.Match(NewHire(seniority), [workflow]).Count == 1);
    }

    [Fact]
    public void Unknown_seniority_does_not_pass_a_seniority_filter()
    {
        var workflow = Workflow("Directors", [SignalType.NewHire], new WorkflowFilters { MinimumSeniority = Seniority.Director });

        Assert.Empty(WorkflowMatcher.Match(NewHire(seniority: null), [workflow]));
    }

    [Fact]
    public void Unknown_account_status_does_not_pass_a_status_filter()
    {
        var workflow = Workflow("Closed Lost", [SignalType.NewHire], new WorkflowFilters { AccountStatuses = [AccountStatus.ClosedLost] });

        Assert.Empty(WorkflowMatcher.Match(NewHire(status: null), [workflow]));
    }

    [Fact]
    public void Other_signal_types_do_not_match()
    {
        var workflow = Workflow("Promotions only", [SignalType.Promotion]);

        Assert.Empty(WorkflowMatcher.Match(NewHire(), [workflow]));
    }

    [Fact]
    public void Paused_workflows_never_match()
    {
        var paused = Workflow("Paused", [SignalType.NewHire], enabled: false);

        Assert.Empty(WorkflowMatcher.Match(NewHire(), [paused]));
    }

    [Fact]
    public void Filters_combine_with_AND()
    {
        var workflow = Workflow("VP at customers", [SignalType.NewHire], new WorkflowFilters
        {
            MinimumSeniority = Seniority.Vp,
            AccountStatuses = [AccountStatus.Customer],
        });

        // Seniority passes, status does not.
        Assert.Empty(WorkflowMatcher.Match(NewHire(Seniority.CLevel, AccountStatus.ClosedLost), [workflow]));
    }

    [Fact]
    public void Any_of_several_statuses_passes()
    {
        var workflow = Workflow("Lost or target", [SignalType.NewHire], new WorkflowFilters { AccountStatuses = [AccountStatus.Target, AccountStatus.ClosedLost] });

        Assert.Single(WorkflowMatcher.Match(NewHire(status: AccountStatus.ClosedLost), [workflow]));
    }

    [Theory]
    [InlineData("VP of Sales", "vp", true)]
    [InlineData("Head of Revenue Operations", "revenue operations", true)]
    [InlineData("MVP Program Lead", "VP", false)]
    [InlineData("Chief Revenue Officer", "CRO", false)]
    [InlineData(null, "VP", false)]
    public void Title_keywords_match_whole_words_case_insensitively(string? title, string keyword, bool matches)
    {
        var workflow = Workflow("Keywords", [SignalType.NewHire], new WorkflowFilters { TitleKeywords = [keyword] });

        Assert.Equal(matches, WorkflowMatcher.Match(NewHire(title: title), [workflow]).Count == 1);
    }

    [Fact]
    public void Department_and_relationship_filters_are_explained()
    {
        var workflow = Workflow("Sales champions", [SignalType.NewHire], new WorkflowFilters
        {
            Departments = ["sales"],
            Relationships = [PersonRelationship.Champion, PersonRelationship.Buyer],
        });

        var match = Assert.Single(WorkflowMatcher.Match(NewHire(), [workflow]));

        Assert.Equal(["New hire", "Department is Sales", "Known as Champion"], match.Reasons);
    }

    [Fact]
    public void Relationship_filter_fails_when_the_person_was_not_known()
    {
        var workflow = Workflow("Champions", [SignalType.NewHire], new WorkflowFilters { Relationships = [PersonRelationship.Champion] });
        var stranger = NewHire() with { Person = NewHire().Person with { Relationship = null } };

        Assert.Empty(WorkflowMatcher.Match(stranger, [workflow]));
    }

    [Fact]
    public void Every_matching_workflow_is_returned_in_order()
    {
        var all = Workflow("All new hires", [SignalType.NewHire]);
        var execs = Workflow("Execs", [SignalType.NewHire], new WorkflowFilters { MinimumSeniority = Seniority.Vp });
        var promotions = Workflow("Promotions", [SignalType.Promotion]);

        var matches = WorkflowMatcher.Match(NewHire(), [all, promotions, execs]);

        Assert.Equal(["All new hires", "Execs"], matches.Select(m => m.Workflow.Name));
    }
}
