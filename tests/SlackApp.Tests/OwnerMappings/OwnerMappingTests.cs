using System.Globalization;
using System.Text.Json.Nodes;
using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.OwnerMappings;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Notifications;
using SlackApp.Tests.Signals;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;

namespace SlackApp.Tests.OwnerMappings;

/// <summary>Owner mapping: read before users.lookupByEmail, unmatched emails counted, "Map this owner" and the Home section.</summary>
public sealed class OwnerMappingTests
{
    private const string OwnerEmail = "ae@vendor.example";

    [Fact]
    public async Task A_mapped_email_dms_the_mapped_person_without_asking_slack_for_the_email()
    {
        await using var app = await AppAsync();
        app.Slack.AddUser("U0MAPPED", "alias@vendor-eu.example");
        await app.Service<OwnerMappingRepository>().SaveAsync(NotificationsApp.Acme, " AE@Vendor.example ", "U0MAPPED", "U0ADMIN", NotificationsApp.Ct);

        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_1")]);

        Assert.DoesNotContain(app.Slack.CallsTo("users.lookupByEmail"), c => string.Equals(c.Field("email"), OwnerEmail, StringComparison.OrdinalIgnoreCase));
        var item = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(("user", "U0MAPPED"), (item.RecipientKindName, item.RecipientId));
    }

    [Fact]
    public async Task A_mapping_to_a_deactivated_person_is_treated_as_missing_and_says_so()
    {
        await using var app = await AppAsync();
        app.Slack.AddUser("U0GONE", "gone@vendor.example");
        app.Slack.On("users.info", c => c.Field("user") == "U0GONE" ? FakeSlackAnswer.Error("user_not_found") : null);
        await app.Service<OwnerMappingRepository>().SaveAsync(NotificationsApp.Acme, OwnerEmail, "U0GONE", "U0ADMIN", NotificationsApp.Ct);

        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_1")]);

        var item = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal("C0FALLBACK", item.RecipientId);
        Assert.Contains("is mapped to <@U0GONE>, who is deactivated or no longer in this Slack workspace", item.Note, StringComparison.Ordinal);
        Assert.Equal("owner", item.UnmatchedRoles);
    }

    [Fact]
    public async Task An_email_slack_does_not_know_is_counted_once_per_signal()
    {
        await using var app = await AppAsync();

        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_1").WithOwnPerson(), SignalPayloads.NewHire("sig_2").WithOwnPerson()]);

        var unmatched = Assert.Single(await app.Service<OwnerMappingRepository>().TopUnmatchedAsync(NotificationsApp.Acme, 10, NotificationsApp.Ct));
        Assert.Equal((OwnerEmail, "owner", 2), (unmatched.Email, unmatched.Role, unmatched.Count));
    }

    [Fact]
    public async Task Map_this_owner_by_an_admin_saves_the_mapping_dms_the_mapped_person_and_later_signals_dm_them()
    {
        await using var app = await AppAsync();
        app.Slack.AddUser("U0MAPPED", "alias@vendor-eu.example");
        var fallback = await PostedFallbackAsync(app);
        Assert.Contains(OwnerMappingActionIds.MapThisOwner, NotificationsApp.BlockText(Assert.Single(app.Posts("C0FALLBACK"))), StringComparison.Ordinal);

        await app.ClickAsync(OwnerMappingActionIds.MapThisOwner, Id(fallback), fallback.SlackChannel!, fallback.SlackTs!, "U0ADMIN");
        var modal = ShownModal(app);
        Assert.Contains(OwnerEmail, modal.ToJsonString(), StringComparison.Ordinal);

        await SubmitAsync(app, modal, "U0MAPPED");
        await app.DeliverAsync();

        var mapping = await app.Service<OwnerMappingRepository>().FindAsync(NotificationsApp.Acme, OwnerEmail, NotificationsApp.Ct);
        Assert.Equal(("U0MAPPED", "U0ADMIN"), (mapping!.SlackUserId, mapping.MappedBy));
        Assert.Single(app.Posts("U0MAPPED"));
        Assert.Empty(await app.Service<OwnerMappingRepository>().TopUnmatchedAsync(NotificationsApp.Acme, 10, NotificationsApp.Ct));

        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_2").WithOwnPerson()]);
        // Past the pacing of DMs to one person.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliverAsync();
        Assert.Equal(2, app.Posts("U0MAPPED").Count);
        Assert.Single(app.Posts("C0FALLBACK"));
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task Map_this_owner_is_refused_to_a_member_with_who_can()
    {
        await using var app = await AppAsync();
        app.Slack.AddUser("U0MEMBER", "member@acme.example");
        var fallback = await PostedFallbackAsync(app);

        await app.ClickAsync(OwnerMappingActionIds.MapThisOwner, Id(fallback), fallback.SlackChannel!, fallback.SlackTs!, "U0MEMBER");

        Assert.Empty(app.Slack.CallsTo("views.open"));
        var refusal = Assert.Single(app.Slack.CallsTo("response_url")).Field("text");
        Assert.StartsWith($"Sorry, you can't {CanMapOwners.Rights}. Only ", refusal, StringComparison.Ordinal);
        Assert.Contains("U0ADMIN", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_workspaces_item_id_maps_nothing()
    {
        await using var app = await AppAsync();
        var fallback = await PostedFallbackAsync(app);
        await app.Service<IInstallationStore>().SaveAsync(
            new Installation { TeamId = "T0OTHER", BotUserId = "U0BOT2", BotToken = FakeSlack.BotToken, InstallerUserId = "U0OTHERADMIN", InstalledAt = DateTimeOffset.UtcNow }, NotificationsApp.Ct);
        var modal = OwnerMappingModal.Build("anything@evil.example", new MappingOrigin(MappingOriginKind.Item, fallback.Id));

        var response = await app.Client.SendAsync(
            WorkflowPayloads.Submission(Json(modal), UserValue("U0EVIL"), userId: "U0OTHERADMIN", teamId: "T0OTHER", privateMetadata: modal.PrivateMetadata),
            NotificationsApp.Ct);

        Assert.Contains(OwnerMappingSubmission.NotFoundText, await response.Content.ReadAsStringAsync(NotificationsApp.Ct), StringComparison.Ordinal);
        var repository = app.Service<OwnerMappingRepository>();
        Assert.Equal(0, await repository.CountAsync(new Workspace("T0OTHER"), NotificationsApp.Ct));
        Assert.Equal(0, await repository.CountAsync(NotificationsApp.Acme, NotificationsApp.Ct));
    }

    [Fact]
    public async Task The_home_section_lists_unmatched_emails_for_admins_only()
    {
        await using var app = await AppAsync();
        app.Slack.AddUser("U0MEMBER", "member@acme.example");
        await PostedFallbackAsync(app);

        var admin = await HomeAsync(app, "U0ADMIN");
        var member = await HomeAsync(app, "U0MEMBER");

        Assert.Contains("Unmatched owner emails", admin, StringComparison.Ordinal);
        Assert.Contains("1 signal", admin, StringComparison.Ordinal);
        Assert.Contains(OwnerMappingActionIds.HomeMap, admin, StringComparison.Ordinal);
        Assert.DoesNotContain("Unmatched owner emails", member, StringComparison.Ordinal);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public void A_full_admin_page_with_owner_mappings_stays_within_100_blocks_and_passes_the_validator()
    {
        var longEmail = new string('a', 300) + "@example.com";
        var unmatched = Enumerable.Range(0, 50).Select(i => new UnmatchedOwnerEmail { Id = i, Email = $"{i}{longEmail}", Role = "owner", Count = 1000 - i }).ToList();
        var latest = Enumerable.Range(0, 50).Select(i => new OwnerMapping { Id = i, Email = $"{i}{longEmail}", SlackUserId = "U0MAPPED" }).ToList();
        var model = new HomeTabModel
        {
            TeamId = "T0ACME",
            Access = new WorkflowAccess("U0ADMIN", WorkflowRole.Admin, "U0ADMIN", []),
            Workflows = [.. Enumerable.Range(1, HomeTabView.PageSize).Select(i => WorkflowApp.Draft($"W{i}") with { Id = i })],
            Offset = HomeTabView.PageSize,
            HasMore = true,
            WebhookUrl = "https://usergems.acme.test/signals/T0ACME",
            NotificationBlocks = [.. Enumerable.Range(0, 40).Select(i => new ContextBlock([new MarkdownText($"n{i}")]))],
            OwnerMappingBlocks = OwnerMappingsHomeSection.Compose(unmatched, 5000, latest),
        };

        var view = HomeTabView.Build(model);

        Assert.InRange(view.Blocks!.Count, 1, 100);
        Assert.Empty(BlockKitValidator.Validate(view));
    }

    private static async Task<NotificationsApp> AppAsync()
    {
        var app = new NotificationsApp(hostedDelivery: false);
        await app.InstallAsync();
        await app.WorkflowAsync("Owners", new WorkflowRecipients { Roles = [AccountRole.Owner] }, fallbackChannelId: "C0FALLBACK");
        return app;
    }

    private static async Task<OutboxDelivery> PostedFallbackAsync(NotificationsApp app)
    {
        await PlannedOutbox.PlanAsync(app, [SignalPayloads.NewHire("sig_1").WithOwnPerson()]);
        await app.DeliverAsync();
        var item = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal(("C0FALLBACK", DeliveryStatus.Sent), (item.RecipientId, item.Status));
        return item;
    }

    private static string Id(OutboxDelivery item) => item.Id.ToString(CultureInfo.InvariantCulture);

    // The modal opened at once (loading) and then filled with views.update.
    private static JsonObject ShownModal(NotificationsApp app)
    {
        Assert.Single(app.Slack.CallsTo("views.open"));
        return (JsonObject)Assert.Single(app.Slack.CallsTo("views.update")).Body["view"]!;
    }

    private static async Task SubmitAsync(NotificationsApp app, JsonObject modal, string userId)
    {
        var response = await app.Client.SendAsync(
            WorkflowPayloads.Submission(modal, UserValue(userId), privateMetadata: modal["private_metadata"]!.GetValue<string>()),
            NotificationsApp.Ct);
        response.EnsureSuccessStatusCode();
        await app.Service<SlackApp.Slack.Routing.ISlackBackgroundWork>().WhenIdleAsync(NotificationsApp.Ct);
    }

    private static JsonObject UserValue(string userId) => new()
    {
        [OwnerMappingModal.UserBlock] = new JsonObject
        {
            [OwnerMappingModal.UserAction] = new JsonObject { ["type"] = "users_select", ["selected_user"] = userId },
        },
    };

    private static JsonObject Json(ModalView view) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize<View>(view, SlackApp.Slack.Json.SlackJson.Options))!.AsObject();

    private static async Task<string> HomeAsync(NotificationsApp app, string userId)
    {
        var published = app.Slack.WaitForAsync("views.publish", c => c.Field("user_id") == userId);
        (await app.Client.SendAsync(WorkflowPayloads.HomeOpened(userId), NotificationsApp.Ct)).EnsureSuccessStatusCode();
        return (await published.WaitAsync(TimeSpan.FromSeconds(20), NotificationsApp.Ct)).Body["view"]!.ToJsonString();
    }
}
