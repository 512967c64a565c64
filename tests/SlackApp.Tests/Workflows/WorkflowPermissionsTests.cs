using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Tests.Workflows;

public sealed class WorkflowPermissionsTests
{
    private static readonly string[] Managers = ["U0MIA"];

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Workspace_admins_and_owners_are_admins(bool isAdmin, bool isOwner, bool isPrimaryOwner)
    {
        var user = new User { Id = "U0CAROL", IsAdmin = isAdmin, IsOwner = isOwner, IsPrimaryOwner = isPrimaryOwner };

        Assert.Equal(WorkflowRole.Admin, WorkflowPermissions.Decide("U0CAROL", user, "U0ADMIN", Managers));
    }

    [Fact]
    public void The_installer_is_an_admin_without_asking_slack()
    {
        Assert.Equal(WorkflowRole.Admin, WorkflowPermissions.Decide("U0ADMIN", null, "U0ADMIN", []));
    }

    [Fact]
    public void A_listed_manager_may_change_workflows_but_is_no_admin()
    {
        var role = WorkflowPermissions.Decide("U0MIA", new User { Id = "U0MIA" }, "U0ADMIN", Managers);

        Assert.Equal(WorkflowRole.Manager, role);
        Assert.True(new WorkflowAccess("U0MIA", role, "U0ADMIN", Managers).CanChange);
        Assert.False(new WorkflowAccess("U0MIA", role, "U0ADMIN", Managers).IsAdmin);
    }

    [Fact]
    public void Everyone_else_is_a_member_who_cannot_change()
    {
        var role = WorkflowPermissions.Decide("U0BOB", new User { Id = "U0BOB" }, "U0ADMIN", Managers);

        Assert.Equal(WorkflowRole.Member, role);
        Assert.False(new WorkflowAccess("U0BOB", role, "U0ADMIN", Managers).CanChange);
    }

    [Fact]
    public void A_deactivated_admin_or_manager_keeps_no_rights()
    {
        Assert.Equal(WorkflowRole.Member, WorkflowPermissions.Decide("U0CAROL", new User { Id = "U0CAROL", IsAdmin = true, Deleted = true }, "U0ADMIN", []));
        Assert.Equal(WorkflowRole.Member, WorkflowPermissions.Decide("U0MIA", new User { Id = "U0MIA", Deleted = true }, "U0ADMIN", Managers));
    }

    [Fact]
    public void Admin_flags_of_another_user_do_not_count()
    {
        Assert.Equal(WorkflowRole.Member, WorkflowPermissions.Decide("U0BOB", new User { Id = "U0CAROL", IsAdmin = true }, "U0ADMIN", Managers));
    }

    [Fact]
    public void The_explanation_names_the_installer_and_the_managers()
    {
        var text = new WorkflowAccess("U0BOB", WorkflowRole.Member, "U0ADMIN", ["U0MIA", "U0LEO"]).Explanation("change workflows");

        Assert.Contains("admins and owners", text, StringComparison.Ordinal);
        Assert.Contains("(<@U0ADMIN>)", text, StringComparison.Ordinal);
        Assert.Contains("(<@U0MIA>, <@U0LEO>)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_managers_the_explanation_says_how_to_name_some()
    {
        var text = new WorkflowAccess("U0BOB", WorkflowRole.Member, "U0ADMIN", []).Explanation("change workflows");

        Assert.Contains("none yet", text, StringComparison.Ordinal);
    }
}
