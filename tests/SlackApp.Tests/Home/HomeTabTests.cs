using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Home;

/// <summary>The App Home tab: published on <c>app_home_opened</c>, paged, with workflow menus, settings and the admin's secret.</summary>
public sealed class HomeTabTests : IDisposable
{
    private readonly WorkflowApp _app = new(factory => factory.With("App:PublicBaseUrl", "https://usergems.acme.test/"));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opening_home_publishes_status_buttons_and_workflows()
    {
        var workflow = await _app.SeedAsync("Execs at Closed Lost");
        await _app.Factory.Service<WorkspaceSettingsRepository>().SaveAsync(WorkflowApp.Acme, "https://acme.lightning.force.com", "C0FALLBACK", "U0ADMIN", _ct);

        await _app.SendAsync(HomeOpened("U0ADMIN"));

        var publish = Assert.Single(_app.Slack.CallsTo("views.publish"));
        Assert.Equal("U0ADMIN", publish.Field("user_id"));
        var blocks = Blocks(publish.Body["view"]!);
        var status = Texts(blocks);
        Assert.Contains("Installed by <@U0ADMIN> on <!date^", status, StringComparison.Ordinal);
        Assert.Contains("`https://acme.lightning.force.com`", status, StringComparison.Ordinal);
        Assert.Contains("Fallback channel: <#C0FALLBACK>", status, StringComparison.Ordinal);
        Assert.Contains("`https://usergems.acme.test/signals/T0ACME`", status, StringComparison.Ordinal);
        Assert.Contains(ActionIdsOf(blocks), id => id == WorkflowActionIds.New);
        Assert.Contains(ActionIdsOf(blocks), id => id == HomeActionIds.Settings);
        Assert.Contains(ActionIdsOf(blocks), id => id == HomeActionIds.RotateSecret);
        var section = blocks.Single(b => (string?)b["block_id"] == $"home.workflow.{workflow.Id}");
        Assert.Contains("New hire · VP+ · Closed Lost → DM account owner", (string?)section["text"]!["text"], StringComparison.Ordinal);
        Assert.Equal(["Edit", "Pause", "Send test", "Delete…"], section["accessory"]!["options"]!.AsArray().Select(o => (string)o!["text"]!["text"]!));
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_member_sees_no_webhook_or_secret_buttons()
    {
        await _app.SendAsync(HomeOpened("U0BOB"));

        var blocks = Blocks(_app.LastView("views.publish"));
        Assert.DoesNotContain("/signals/", Texts(blocks), StringComparison.Ordinal);
        Assert.DoesNotContain(ActionIdsOf(blocks), id => id is HomeActionIds.ShowSecret or HomeActionIds.RotateSecret);
        Assert.Contains("You can list and test workflows", blocks.Single(b => (string?)b["block_id"] == "home.rights").ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_workflows_page_within_100_blocks_with_show_more()
    {
        // Two full pages and a part.
        for (var i = 0; i < (2 * HomeTabView.PageSize) + 10; i++)
        {
            await _app.SeedAsync($"Workflow {i:D3}");
        }

        await _app.SendAsync(HomeOpened());
        var first = Blocks(_app.LastView("views.publish"));
        var more = first.SelectMany(b => b["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == HomeActionIds.ShowMore)!;
        await _app.SendAsync(ButtonInHome(HomeActionIds.ShowMore, "home.paging", (string)more["value"]!));
        var second = Blocks(_app.LastView("views.publish"));
        more = second.SelectMany(b => b["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == HomeActionIds.ShowMore)!;
        await _app.SendAsync(ButtonInHome(HomeActionIds.ShowMore, "home.paging", (string)more["value"]!));
        var third = Blocks(_app.LastView("views.publish"));

        Assert.All(new[] { first, second, third }, page => Assert.InRange(page.Count, 1, 100));
        Assert.Equal(HomeTabView.PageSize, WorkflowNames(first).Count);
        Assert.Equal("Workflow 000", WorkflowNames(first)[0]);
        Assert.Equal($"Workflow {HomeTabView.PageSize:D3}", WorkflowNames(second)[0]);
        Assert.Equal(10, WorkflowNames(third).Count);
        Assert.DoesNotContain(ActionIdsOf(third), id => id == HomeActionIds.ShowMore);
        Assert.Contains(ActionIdsOf(third), id => id == HomeActionIds.ShowFirst);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_forged_show_more_offset_shows_the_first_page()
    {
        await _app.SeedAsync("Only one");

        await _app.SendAsync(ButtonInHome(HomeActionIds.ShowMore, "home.paging", "-5"));
        await _app.SendAsync(ButtonInHome(HomeActionIds.ShowMore, "home.paging", "9999"));

        Assert.All(_app.Slack.CallsTo("views.publish"), call => Assert.Equal(["Only one"], WorkflowNames(Blocks(call.Body["view"]!))));
    }

    [Fact]
    public async Task Overflow_pauses_resumes_and_deletes_after_a_confirmation_modal()
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(OverflowInHome(workflow.Id, "pause"));
        Assert.False((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);
        Assert.Contains("Resume", _app.LastView("views.publish").ToJsonString(), StringComparison.Ordinal);
        await _app.SendAsync(OverflowInHome(workflow.Id, "resume"));
        Assert.True((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);

        await _app.SendAsync(OverflowInHome(workflow.Id, "delete"));
        Assert.NotNull(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        var confirm = _app.LastView("views.open");
        Assert.Equal(WorkflowActionIds.DeleteConfirmation, (string?)confirm["callback_id"]);
        var ack = await _app.SendAsync(Submission(confirm, new JsonObject()));

        Assert.Equal("clear", (string?)JsonNode.Parse(ack)!["response_action"]);
        Assert.Null(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        Assert.Empty(WorkflowNames(Blocks(_app.LastView("views.publish"))));
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Overflow_edit_opens_the_prefilled_modal()
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(OverflowInHome(workflow.Id, "edit"));

        var modal = _app.LastView("views.open");
        Assert.Equal(WorkflowModal.CallbackId, (string?)modal["callback_id"]);
        Assert.Contains("\"initial_value\":\"Execs\"", modal.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_using_the_overflow_is_refused_in_a_modal_naming_who_can()
    {
        var workflow = await _app.SeedAsync("Execs");

        await _app.SendAsync(OverflowInHome(workflow.Id, "pause", userId: "U0BOB"));
        var pauseRefusal = _app.LastView("views.open");
        await _app.SendAsync(OverflowInHome(workflow.Id, "delete", userId: "U0BOB"));
        var deleteRefusal = _app.LastView("views.open");

        Assert.True((await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct))!.Enabled);
        Assert.NotNull(await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct));
        Assert.All(new[] { pauseRefusal, deleteRefusal }, view =>
        {
            var text = (string?)view["blocks"]![0]!["text"]!["text"];
            Assert.Contains("<@U0ADMIN>", text, StringComparison.Ordinal);
            Assert.Contains("<@U0MIA>", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Settings_refuse_an_http_salesforce_url_and_save_an_https_one()
    {
        await _app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings"));
        var modal = _app.LastView("views.open");
        Assert.Equal(SettingsModal.CallbackId, (string?)modal["callback_id"]);

        var refused = await _app.SendAsync(Submission(modal, SettingsForm("http://acme.lightning.force.com")));
        var saved = await _app.SendAsync(Submission(modal, SettingsForm("https://acme.lightning.force.com/", "U0MIA", "U0ZED")));

        Assert.Equal(SalesforceBaseUrl.NotHttps, WorkflowModalFlowTests.Errors(refused)[SettingsModal.SalesforceBlock]);
        Assert.Equal(string.Empty, saved);
        var settings = _app.Factory.Service<WorkspaceSettingsRepository>();
        Assert.Equal("https://acme.lightning.force.com", (await settings.GetAsync(WorkflowApp.Acme, _ct)).SalesforceBaseUrl);
        Assert.Equal("C0FALLBACK", (await settings.GetAsync(WorkflowApp.Acme, _ct)).FallbackChannelId);
        Assert.Equal(["U0MIA", "U0ZED"], await settings.ListManagersAsync(WorkflowApp.Acme, _ct));
        Assert.Contains("acme.lightning.force.com", _app.LastView("views.publish").ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_manager_may_change_settings_but_not_the_managers()
    {
        await _app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings", userId: "U0MIA"));
        var modal = _app.LastView("views.open");
        Assert.DoesNotContain("multi_users_select", modal.ToJsonString(), StringComparison.Ordinal);

        var forged = await _app.SendAsync(Submission(modal, SettingsForm("https://acme.my.salesforce.com", "U0MIA", "U0BOB"), userId: "U0MIA"));
        var saved = await _app.SendAsync(Submission(modal, SettingsForm("https://acme.my.salesforce.com"), userId: "U0MIA"));

        Assert.Contains(SettingsModal.ManagersBlock, WorkflowModalFlowTests.Errors(forged).Keys);
        Assert.Equal(string.Empty, saved);
        var settings = _app.Factory.Service<WorkspaceSettingsRepository>();
        Assert.Equal(["U0MIA"], await settings.ListManagersAsync(WorkflowApp.Acme, _ct));
        Assert.Equal("https://acme.my.salesforce.com", (await settings.GetAsync(WorkflowApp.Acme, _ct)).SalesforceBaseUrl);
    }

    [Fact]
    public async Task Admins_see_and_rotate_the_signal_secret_members_cannot()
    {
        var settings = _app.Factory.Service<WorkspaceSettingsRepository>();
        var before = await settings.EnsureSignalSecretAsync(WorkflowApp.Acme, _ct);

        await _app.SendAsync(ButtonInHome(HomeActionIds.ShowSecret, "home.secret", "show", userId: "U0CAROL"));
        Assert.Contains(before, _app.LastView("views.open").ToJsonString(), StringComparison.Ordinal);
        await _app.SendAsync(ButtonInHome(HomeActionIds.RotateSecret, "home.secret", "rotate", userId: "U0BOB"));
        Assert.Equal(before, await settings.GetSignalSecretAsync(WorkflowApp.Acme, _ct));
        Assert.DoesNotContain(before, _app.LastView("views.open").ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Sorry, you can't rotate the signal secret", (string?)_app.LastView("views.open")["blocks"]![0]!["text"]!["text"], StringComparison.Ordinal);
        await _app.SendAsync(ButtonInHome(HomeActionIds.RotateSecret, "home.secret", "rotate", userId: "U0ADMIN"));

        var after = await settings.GetSignalSecretAsync(WorkflowApp.Acme, _ct);
        Assert.NotEqual(before, after);
        Assert.Contains(after!, _app.LastView("views.update").ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task The_notifications_section_is_drawn_within_its_budget()
    {
        using var app = new WorkflowApp(factory => factory.WithServices(services =>
            services.AddSingleton<IHomeNotificationsSection>(new ManyBlocksSection())));

        await app.SendAsync(HomeOpened());

        var blocks = Blocks(app.LastView("views.publish"));
        Assert.Equal(HomeTabView.NotificationBlockBudget, blocks.Count(b => ((string?)b["block_id"])?.StartsWith("recent.", StringComparison.Ordinal) == true));
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task Each_workflow_shows_its_last_7_days_beneath_it()
    {
        var busy = await _app.SeedAsync("Busy");
        var quiet = await _app.SeedAsync("Quiet");
        var db = _app.Factory.Service<SlackApp.Data.DbConnectionFactory>();
        var now = DateTimeOffset.UtcNow;
        var digest = await Explanations.ExplanationRows.AddMessageAsync(db, "T0ACME", SlackApp.Notifications.MessageKind.Digest, "C1", now);
        await Explanations.ExplanationRows.AddItemAsync(db, Explanations.ItemSeed.Sent("T0ACME", 1, "C1", now, digest, busy.Id));
        await Explanations.ExplanationRows.AddItemAsync(db, Explanations.ItemSeed.Sent("T0ACME", 2, "C1", now, null, busy.Id));
        await Explanations.ExplanationRows.AddItemAsync(db, new Explanations.ItemSeed("T0ACME", 3, "channel", "C1", SlackApp.Notifications.DeliveryStatus.Suppressed, now)
        {
            WorkflowId = busy.Id,
            SuppressedReason = "duplicate",
        });

        await _app.SendAsync(HomeOpened("U0BOB"));

        var blocks = Blocks(_app.LastView("views.publish"));
        var index = blocks.FindIndex(b => (string?)b["block_id"] == $"home.workflow.{busy.Id}");
        Assert.Equal($"home.activity.{busy.Id}", (string?)blocks[index + 1]["block_id"]);
        Assert.Equal("Last 7 days: 2 sent (1 in digests) · 1 suppressed (duplicate)", (string?)blocks[index + 1]["elements"]![0]!["text"]);
        var quietLine = blocks.Single(b => (string?)b["block_id"] == $"home.activity.{quiet.Id}");
        Assert.Equal("No notifications in the last 7 days", (string?)quietLine["elements"]![0]!["text"]);
        Assert.Empty(_app.Slack.Violations);
    }

    [Theory]
    [InlineData("U0ADMIN")]
    [InlineData("U0BOB")]
    public async Task Every_member_has_a_my_quiet_hours_button_near_the_top(string userId)
    {
        await _app.SendAsync(HomeOpened(userId));

        var blocks = Blocks(_app.LastView("views.publish"));
        var buttons = blocks.Single(b => (string?)b["block_id"] == "home.buttons");
        Assert.Contains(buttons["elements"]!.AsArray(), e => (string?)e!["action_id"] == HomeActionIds.MyQuietHours);
        Assert.InRange(blocks.IndexOf(buttons), 0, 3);
    }

    [Fact]
    public void The_activity_line_names_reasons_and_the_next_release()
    {
        var nine = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var activity = new SlackApp.Notifications.WorkflowActivity
        {
            WorkflowId = 1,
            Sent = 12,
            SentInDigests = 8,
            SuppressedByReason = new Dictionary<string, int> { ["duplicate"] = 3 },
            HeldByReason = new Dictionary<string, int> { ["daily_cap"] = 1, ["quiet_hours"] = 1 },
            NextRelease = nine,
            Failed = 1,
        };

        Assert.Equal(
            $"Last 7 days: 12 sent (8 in digests) · 3 suppressed (duplicate) · 2 held (1 daily cap, 1 quiet hours) until <!date^{nine.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|2026-11-27 09:00 UTC> · 1 failed",
            HomeTabView.ActivityLine(activity));
        Assert.Equal("No notifications in the last 7 days", HomeTabView.ActivityLine(null));
    }

    [Fact]
    public void A_full_admin_page_stays_within_100_blocks()
    {
        var workflows = Enumerable.Range(1, HomeTabView.PageSize).Select(i => WorkflowApp.Draft($"W{i}") with { Id = i }).ToList();
        var model = new HomeTabModel
        {
            TeamId = "T0ACME",
            Access = new WorkflowAccess("U0ADMIN", WorkflowRole.Admin, "U0ADMIN", []),
            Workflows = workflows,
            Offset = HomeTabView.PageSize,
            HasMore = true,
            WebhookUrl = "https://usergems.acme.test/signals/T0ACME",
            NotificationBlocks = [.. Enumerable.Range(0, 40).Select(i => new SlackApp.Slack.Blocks.ContextBlock([new SlackApp.Slack.Blocks.MarkdownText($"n{i}")]))],
        };

        var view = HomeTabView.Build(model);

        Assert.InRange(view.Blocks!.Count, 1, 100);
        Assert.Empty(SlackApp.Slack.Blocks.BlockKitValidator.Validate(view));
    }

    private static JsonObject SettingsForm(string url, params string[] managers)
    {
        var form = new JsonObject
        {
            [SettingsModal.SalesforceBlock] = new JsonObject { ["salesforce_base_url.value"] = Text(url) },
            [SettingsModal.FallbackChannelBlock] = new JsonObject { ["fallback_channel.value"] = Conversation("C0FALLBACK") },
        };
        if (managers.Length > 0)
        {
            form[SettingsModal.ManagersBlock] = new JsonObject { ["managers.value"] = Users(managers) };
        }

        return form;
    }

    private static List<JsonObject> Blocks(JsonNode view) => view["blocks"]!.AsArray().OfType<JsonObject>().ToList();

    private static string Texts(List<JsonObject> blocks) => string.Join('\n', blocks.Select(b => (string?)b["text"]?["text"]).OfType<string>());

    private static List<string> ActionIdsOf(List<JsonObject> blocks) =>
        blocks.SelectMany(b => b["elements"]?.AsArray() ?? []).Select(e => (string?)e?["action_id"]).OfType<string>().ToList();

    private static List<string> WorkflowNames(List<JsonObject> blocks) =>
        blocks.Where(b => ((string?)b["block_id"])?.StartsWith("home.workflow.", StringComparison.Ordinal) == true)
            .Select(b => ((string)b["text"]!["text"]!).Split('*')[1])
            .ToList();

    private sealed class ManyBlocksSection : IHomeNotificationsSection
    {
        public Task<IReadOnlyList<SlackApp.Slack.Blocks.Block>> BuildAsync(Workspace workspace, WorkflowAccess access, SlackApp.Slack.WebApi.ISlackApiClient client, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<SlackApp.Slack.Blocks.Block>>(
                [.. Enumerable.Range(0, 40).Select(i => new SlackApp.Slack.Blocks.SectionBlock { BlockId = $"recent.{i}", Text = new SlackApp.Slack.Blocks.MarkdownText($"Notification {i}") })]);
    }

    public void Dispose() => _app.Dispose();
}
