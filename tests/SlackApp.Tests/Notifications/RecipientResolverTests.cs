using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;
using SlackApp.Home;

namespace SlackApp.Tests.Notifications;

/// <summary>Recipient resolution over the fake Slack's users.lookupByEmail, with the directory's caches on the fake clock.</summary>
public sealed class RecipientResolverTests
{
    private static Workflow Workflow(long id, string name, WorkflowRecipients recipients, string? fallback = null) => new()
    {
        Id = id,
        TeamId = NotificationsApp.TeamId,
        Name = name,
        SignalTypes = [SignalType.NewHire],
        Recipients = recipients,
        FallbackChannelId = fallback,
    };

    private static WorkflowMatch Match(Workflow workflow) => new(workflow, ["New hire"]);

    private static async Task<IReadOnlyList<PlannedDelivery>> ResolveAsync(NotificationsApp app, Signal signal, IReadOnlyList<WorkflowMatch> matches, string? workspaceFallback = null) =>
        (await PlanAsync(app, signal, matches, workspaceFallback)).Deliveries;

    private static Task<RecipientPlan> PlanAsync(NotificationsApp app, Signal signal, IReadOnlyList<WorkflowMatch> matches, string? workspaceFallback = null) =>
        app.Service<RecipientResolver>().ResolveAsync(
            NotificationsApp.Acme, app.Service<ISlackApiClientFactory>().ForToken(FakeSlack.BotToken), signal, matches, workspaceFallback, NotificationsApp.Ct);

    [Fact]
    public async Task Channels_users_and_found_roles_become_one_delivery_each_with_every_workflow_that_sends_there()
    {
        await using var app = new NotificationsApp();
        app.Slack.AddUser("U0AE", "AE@Vendor.example");
        var execs = Workflow(1, "Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"], Roles = [AccountRole.Owner] });
        var all = Workflow(2, "All", new WorkflowRecipients { ChannelIds = ["C0DEALS"], UserIds = ["U0AE", "U0BOSS"] });

        var plan = await ResolveAsync(app, SampleSignals.NewExecutiveAtClosedLost(), [Match(execs), Match(all)]);

        Assert.Equal(["C0DEALS", "U0AE", "U0BOSS"], plan.Select(p => p.RecipientId));
        Assert.Equal([RecipientKind.Channel, RecipientKind.User, RecipientKind.User], plan.Select(p => p.Kind));
        Assert.Equal(["Execs", "All"], plan[0].Matches.Select(m => m.Workflow.Name));
        Assert.Equal(["Execs", "All"], plan[1].Matches.Select(m => m.Workflow.Name));
        Assert.All(plan, p => Assert.Null(p.Note));
    }

    [Fact]
    public async Task A_missing_person_goes_to_the_workflow_fallback_before_the_workspace_one_and_merges_with_that_channel()
    {
        await using var app = new NotificationsApp();
        var owner = Workflow(1, "Owner", new WorkflowRecipients { ChannelIds = ["C0FALLBACK"], Roles = [AccountRole.Owner, AccountRole.Sdr] }, fallback: "C0FALLBACK");
        var csm = Workflow(2, "CSM", new WorkflowRecipients { Roles = [AccountRole.Csm] });

        var plan = await ResolveAsync(app, SampleSignals.NewExecutiveAtClosedLost(), [Match(owner), Match(csm)], workspaceFallback: "C0WORKSPACE");

        Assert.Equal(2, plan.Count);
        var workflowFallback = plan[0];
        Assert.Equal("C0FALLBACK", workflowFallback.RecipientId);
        Assert.Equal(
            "Could not DM the account owner (AE): ae@vendor.example is not in this Slack workspace. Could not DM the SDR: sdr@vendor.example is not in this Slack workspace.",
            workflowFallback.Note);
        Assert.Equal(["Owner"], workflowFallback.Matches.Select(m => m.Workflow.Name));
        Assert.Equal("C0WORKSPACE", plan[1].RecipientId);
        Assert.Equal("Could not DM the CSM: csm@vendor.example is not in this Slack workspace.", plan[1].Note);
    }

    [Fact]
    public async Task Emails_are_escaped_in_the_note_so_they_cannot_ping_or_format()
    {
        await using var app = new NotificationsApp();
        var owner = Workflow(1, "Owner", new WorkflowRecipients { Roles = [AccountRole.Owner] }, fallback: "C0FALLBACK");
        var signal = SampleSignals.NewExecutiveAtClosedLost() with { Account = SampleSignals.NewExecutiveAtClosedLost().Account with { OwnerEmail = "<!channel>*bold*@x.example" } };

        var plan = await ResolveAsync(app, signal, [Match(owner)]);

        var note = Assert.Single(plan).Note!;
        Assert.DoesNotContain("<!channel>", note, StringComparison.Ordinal);
        Assert.DoesNotContain("*", note, StringComparison.Ordinal);
        Assert.Empty(BlockKitValidator.Validate(NotificationComposer.Compose(new NotificationContent { Signal = signal, Matches = [Match(owner)], DeliveryId = 1, UndeliveredNote = note })));
    }

    [Fact]
    public async Task Found_people_are_remembered_for_an_hour_and_unknown_emails_for_ten_minutes()
    {
        await using var app = new NotificationsApp();
        app.Slack.AddUser("U0AE", "ae@vendor.example");
        var roles = Workflow(1, "Roles", new WorkflowRecipients { Roles = [AccountRole.Owner, AccountRole.Csm] }, fallback: "C0FALLBACK");
        var signal = SampleSignals.NewExecutiveAtClosedLost();
        int Lookups(string email) => app.Slack.CallsTo("users.lookupByEmail").Count(c => c.Field("email") == email);

        await ResolveAsync(app, signal, [Match(roles)]);
        await ResolveAsync(app, signal, [Match(roles)]);
        Assert.Equal(1, Lookups("ae@vendor.example"));
        Assert.Equal(1, Lookups("csm@vendor.example"));

        app.Slack.AddUser("U0CSM", "csm@vendor.example");
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var plan = await ResolveAsync(app, signal, [Match(roles)]);

        Assert.Equal(1, Lookups("ae@vendor.example"));
        Assert.Equal(2, Lookups("csm@vendor.example"));
        Assert.Equal(["U0AE", "U0CSM"], plan.Select(p => p.RecipientId));

        app.Clock.Advance(TimeSpan.FromMinutes(51));
        await ResolveAsync(app, signal, [Match(roles)]);
        Assert.Equal(2, Lookups("ae@vendor.example"));
    }
}
