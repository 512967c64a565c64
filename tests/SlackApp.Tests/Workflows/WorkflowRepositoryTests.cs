using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Tests.Data;
using SlackApp.Workflows;

namespace SlackApp.Tests.Workflows;

public sealed class WorkflowRepositoryTests : IDisposable
{
    private static readonly Workspace Acme = new("T0ACME");
    private static readonly Workspace Globex = new("T0GLOBEX");
    private readonly TestDatabase _db = new();
    private readonly WorkflowRepository _workflows;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public WorkflowRepositoryTests() => _workflows = new WorkflowRepository(_db.Connections, _db.Clock);

    internal static Workflow Draft(string name = "Execs at Closed Lost") => new()
    {
        TeamId = "ignored",
        Name = name,
        SignalTypes = [SignalType.NewHire, SignalType.Promotion],
        Filters = new WorkflowFilters
        {
            MinimumSeniority = Seniority.Director,
            AccountStatuses = [AccountStatus.ClosedLost, AccountStatus.Customer],
            Departments = ["Sales"],
            Relationships = [PersonRelationship.Champion],
            TitleKeywords = ["VP", "Head of"],
        },
        Recipients = new WorkflowRecipients { ChannelIds = ["C0ALERTS"], Roles = [AccountRole.Owner, AccountRole.Csm], UserIds = ["U0BOSS"] },
        FallbackChannelId = "C0FALLBACK",
    };

    [Fact]
    public async Task Created_workflow_reads_back_whole()
    {
        var created = await _workflows.CreateAsync(Acme, Draft(), "U0ADMIN", _ct);

        var read = await _workflows.GetAsync(Acme, created.Workflow!.Id, _ct);

        Assert.Equal(WorkflowSaveOutcome.Saved, created.Outcome);
        Assert.NotNull(read);
        Assert.Equal("T0ACME", read.TeamId);
        Assert.Equal([SignalType.NewHire, SignalType.Promotion], read.SignalTypes);
        Assert.Equal(Seniority.Director, read.Filters.MinimumSeniority);
        Assert.Equal([AccountStatus.ClosedLost, AccountStatus.Customer], read.Filters.AccountStatuses);
        Assert.Equal(["Sales"], read.Filters.Departments);
        Assert.Equal([PersonRelationship.Champion], read.Filters.Relationships);
        Assert.Equal(["VP", "Head of"], read.Filters.TitleKeywords);
        Assert.Equal(["C0ALERTS"], read.Recipients.ChannelIds);
        Assert.Equal([AccountRole.Owner, AccountRole.Csm], read.Recipients.Roles);
        Assert.Equal(["U0BOSS"], read.Recipients.UserIds);
        Assert.Equal("C0FALLBACK", read.FallbackChannelId);
        Assert.Equal("U0ADMIN", read.CreatedBy);
        Assert.Equal(_db.Clock.GetUtcNow(), read.CreatedAt);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task Names_are_unique_in_a_workspace_ignoring_case()
    {
        await _workflows.CreateAsync(Acme, Draft("Execs"), "U1", _ct);

        var again = await _workflows.CreateAsync(Acme, Draft(" EXECS "), "U1", _ct);
        var elsewhere = await _workflows.CreateAsync(Globex, Draft("Execs"), "U1", _ct);

        Assert.Equal(WorkflowSaveOutcome.NameTaken, again.Outcome);
        Assert.Equal(WorkflowSaveOutcome.Saved, elsewhere.Outcome);
    }

    [Fact]
    public async Task Second_save_from_the_same_version_is_refused_not_overwritten()
    {
        var original = (await _workflows.CreateAsync(Acme, Draft(), "U1", _ct)).Workflow!;

        var first = await _workflows.UpdateAsync(Acme, original with { Name = "Alice's edit" }, "U0ALICE", _ct);
        var second = await _workflows.UpdateAsync(Acme, original with { Name = "Bob's edit" }, "U0BOB", _ct);

        Assert.Equal(WorkflowSaveOutcome.Saved, first.Outcome);
        Assert.Equal(2, first.Workflow!.Version);
        Assert.Equal(WorkflowSaveOutcome.VersionConflict, second.Outcome);
        Assert.Equal("Alice's edit", second.Workflow!.Name);
        Assert.Equal("U0ALICE", second.Workflow.UpdatedBy);
        Assert.Equal("Alice's edit", (await _workflows.GetAsync(Acme, original.Id, _ct))!.Name);
    }

    [Fact]
    public async Task Renaming_onto_another_workflows_name_is_refused()
    {
        await _workflows.CreateAsync(Acme, Draft("Execs"), "U1", _ct);
        var other = (await _workflows.CreateAsync(Acme, Draft("Promotions"), "U1", _ct)).Workflow!;

        var result = await _workflows.UpdateAsync(Acme, other with { Name = "execs" }, "U1", _ct);

        Assert.Equal(WorkflowSaveOutcome.NameTaken, result.Outcome);
    }

    [Fact]
    public async Task Another_workspace_cannot_read_edit_pause_or_delete_a_workflow()
    {
        var acme = (await _workflows.CreateAsync(Acme, Draft(), "U1", _ct)).Workflow!;

        Assert.Null(await _workflows.GetAsync(Globex, acme.Id, _ct));
        Assert.Null(await _workflows.FindByNameAsync(Globex, acme.Name, _ct));
        Assert.Empty(await _workflows.ListAsync(Globex, _ct));
        Assert.Empty((await _workflows.ListPageAsync(Globex, 0, 10, _ct)).Page);
        Assert.Equal(WorkflowSaveOutcome.NotFound, (await _workflows.UpdateAsync(Globex, acme with { Name = "Hijacked" }, "U9", _ct)).Outcome);
        Assert.Null(await _workflows.SetEnabledAsync(Globex, acme.Id, enabled: false, "U9", _ct));
        Assert.False(await _workflows.DeleteAsync(Globex, acme.Id, "U0G", _ct));

        var untouched = await _workflows.GetAsync(Acme, acme.Id, _ct);
        Assert.Equal(acme.Name, untouched!.Name);
        Assert.True(untouched.Enabled);
        Assert.Equal(1, untouched.Version);
    }

    [Fact]
    public async Task Pause_and_resume_bump_the_version()
    {
        var workflow = (await _workflows.CreateAsync(Acme, Draft(), "U1", _ct)).Workflow!;

        var paused = await _workflows.SetEnabledAsync(Acme, workflow.Id, enabled: false, "U2", _ct);
        var resumed = await _workflows.SetEnabledAsync(Acme, workflow.Id, enabled: true, "U3", _ct);

        Assert.False(paused!.Enabled);
        Assert.Equal(2, paused.Version);
        Assert.True(resumed!.Enabled);
        Assert.Equal(3, resumed.Version);
        Assert.Equal("U3", resumed.UpdatedBy);
    }

    [Fact]
    public async Task Pausing_at_a_version_someone_saved_past_changes_nothing_and_reports_the_conflict()
    {
        var workflow = (await _workflows.CreateAsync(Acme, Draft(), "U1", _ct)).Workflow!;
        var renamed = (await _workflows.UpdateAsync(Acme, workflow with { Name = "Renamed" }, "U2", _ct)).Workflow!;

        var stale = await _workflows.SetEnabledAsync(Acme, workflow.Id, enabled: false, "U3", expectedVersion: workflow.Version, _ct);
        var current = await _workflows.SetEnabledAsync(Acme, workflow.Id, enabled: false, "U3", expectedVersion: renamed.Version, _ct);
        var again = await _workflows.SetEnabledAsync(Acme, workflow.Id, enabled: false, "U3", expectedVersion: current.Workflow!.Version, _ct);

        Assert.Equal((WorkflowSaveOutcome.VersionConflict, true, 2), (stale.Outcome, stale.Workflow!.Enabled, stale.Workflow.Version));
        Assert.Equal((WorkflowSaveOutcome.Saved, false, 3), (current.Outcome, current.Workflow.Enabled, current.Workflow.Version));
        // Already paused at the version the caller holds: nothing to change, and no conflict.
        Assert.Equal((WorkflowSaveOutcome.Saved, 3), (again.Outcome, again.Workflow!.Version));
    }

    [Fact]
    public async Task Deleting_at_a_version_someone_saved_past_deletes_nothing()
    {
        var workflow = (await _workflows.CreateAsync(Acme, Draft(), "U1", _ct)).Workflow!;
        await _workflows.UpdateAsync(Acme, workflow with { Name = "Renamed" }, "U2", _ct);

        Assert.False(await _workflows.DeleteAsync(Acme, workflow.Id, "U3", expectedVersion: workflow.Version, _ct));
        Assert.Equal("Renamed", (await _workflows.GetAsync(Acme, workflow.Id, _ct))!.Name);
        Assert.True(await _workflows.DeleteAsync(Acme, workflow.Id, "U3", expectedVersion: workflow.Version + 1, _ct));
    }

    [Fact]
    public async Task Pages_through_workflows_in_name_order()
    {
        foreach (var name in new[] { "delta", "Alpha", "charlie", "Bravo", "echo" })
        {
            await _workflows.CreateAsync(Acme, Draft(name), "U1", _ct);
        }

        var (first, moreAfterFirst) = await _workflows.ListPageAsync(Acme, 0, 2, _ct);
        var (last, moreAfterLast) = await _workflows.ListPageAsync(Acme, 4, 2, _ct);

        Assert.Equal(["Alpha", "Bravo"], first.Select(w => w.Name));
        Assert.True(moreAfterFirst);
        Assert.Equal(["echo"], last.Select(w => w.Name));
        Assert.False(moreAfterLast);
    }

    [Fact]
    public async Task Deleted_workflow_is_gone()
    {
        var workflow = (await _workflows.CreateAsync(Acme, Draft(), "U1", _ct)).Workflow!;

        Assert.True(await _workflows.DeleteAsync(Acme, workflow.Id, "U0ADMIN", _ct));
        Assert.Null(await _workflows.GetAsync(Acme, workflow.Id, _ct));
        Assert.False(await _workflows.DeleteAsync(Acme, workflow.Id, "U0ADMIN", _ct));
    }

    public void Dispose() => _db.Dispose();
}
