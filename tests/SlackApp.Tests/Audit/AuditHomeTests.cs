using System.Text.Json.Nodes;
using SlackApp.Audit;
using SlackApp.Home;
using SlackApp.Slack.Blocks;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Audit;

/// <summary>The Home tab's "Recent changes": admins only, compact, and within Slack's 100 blocks at the fullest.</summary>
public sealed class AuditHomeTests : IDisposable
{
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_sees_the_latest_changes_on_the_Home_tab()
    {
        var workflow = await _app.SeedAsync("Execs at Closed Lost");
        await _app.Workflows.UpdateAsync(WorkflowApp.Acme, workflow with { Name = "Execs", FallbackChannelId = "C0NEW" }, "U0MIA", _ct);

        await _app.SendAsync(HomeOpened("U0CAROL"));

        var blocks = Blocks(_app.LastView("views.publish"));
        Assert.Contains(blocks, b => (string?)b["text"]?["text"] == "Recent changes (admins only)");
        var section = (string?)blocks.Single(b => (string?)b["block_id"] == "home.audit")["text"]!["text"];
        Assert.Contains("<@U0MIA> edited the workflow *Execs*", section, StringComparison.Ordinal);
        Assert.Contains(": Name, Fallback channel", section, StringComparison.Ordinal);
        Assert.Contains("`/usergems audit`", section, StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Theory]
    [InlineData("U0BOB")]
    [InlineData("U0MIA")]
    public async Task Members_and_managers_see_no_audit_section(string userId)
    {
        await _app.SeedAsync();

        await _app.SendAsync(HomeOpened(userId));

        var view = _app.LastView("views.publish").ToJsonString();
        Assert.DoesNotContain("home.audit", view, StringComparison.Ordinal);
        Assert.DoesNotContain("Recent changes", view, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fullest_admin_page_with_recent_changes_owner_mappings_and_analytics_stays_within_100_blocks()
    {
        var long_ = new string('x', 400);
        var entries = Enumerable.Range(0, AuditComposer.HomeCount).Select(i => new AuditEntry
        {
            TeamId = "T0ACME",
            At = DateTimeOffset.UnixEpoch.AddDays(20000 + i),
            ActorUserId = "U0ADMIN",
            Action = AuditAction.WorkflowEdited,
            SubjectKind = AuditSubject.Workflow,
            SubjectId = "12",
            SubjectName = long_,
            Changes = [.. Enumerable.Range(0, 7).Select(f => AuditChange.Of($"Field {f} {long_}", long_, long_))],
        }).ToList();
        var model = new HomeTabModel
        {
            TeamId = "T0ACME",
            Access = new WorkflowAccess("U0ADMIN", WorkflowRole.Admin, "U0ADMIN", []),
            Workflows = [.. Enumerable.Range(1, HomeTabView.PageSize).Select(i => WorkflowApp.Draft($"W{i}") with { Id = i })],
            Offset = HomeTabView.PageSize,
            HasMore = true,
            WebhookUrl = "https://usergems.acme.test/signals/T0ACME",
            NotificationBlocks = [.. Enumerable.Range(0, 40).Select(i => new ContextBlock([new MarkdownText($"n{i}")]))],
            AuditBlocks = AuditComposer.HomeSection(entries),
            OwnerMappingBlocks = SlackApp.OwnerMappings.OwnerMappingsHomeSection.Compose(
                [.. Enumerable.Range(0, 50).Select(i => new SlackApp.OwnerMappings.UnmatchedOwnerEmail { Id = i, Email = $"{i}{long_}@example.com", Role = "owner", Count = 1000 - i })],
                5000,
                [.. Enumerable.Range(0, 50).Select(i => new SlackApp.OwnerMappings.OwnerMapping { Id = i, Email = $"{i}{long_}@example.com", SlackUserId = "U0MAPPED" })]),
            Analytics = new SlackApp.Analytics.HomeAnalytics
            {
                Workspace = new SlackApp.Analytics.AnalyticsWindows(Busy, Busy),
                ByWorkflow = Enumerable.Range(1, HomeTabView.PageSize).ToDictionary(i => (long)i, _ => new SlackApp.Analytics.AnalyticsWindows(Busy, Busy)),
                UnmatchedOwnersLast7Days = 1000,
                UnmatchedOwnersLast30Days = 1000,
            },
        };

        var view = HomeTabView.Build(model);

        Assert.InRange(view.Blocks!.Count, 1, 100);
        Assert.Contains(view.Blocks, b => b.BlockId == "home.audit");
        Assert.Contains(view.Blocks, b => b.BlockId == SlackApp.Analytics.AnalyticsComposer.BlockId);
        Assert.Empty(BlockKitValidator.Validate(view));
    }

    [Fact]
    public async Task Settings_saved_in_the_modal_and_a_rotated_secret_are_recorded_with_who()
    {
        await _app.SendAsync(ButtonInHome(HomeActionIds.Settings, "home.buttons", "settings", userId: "U0CAROL"));
        var form = new JsonObject
        {
            [SettingsModal.SalesforceBlock] = new JsonObject { ["salesforce_base_url.value"] = Text("https://acme.lightning.force.com") },
            [SettingsModal.FallbackChannelBlock] = new JsonObject { ["fallback_channel.value"] = Conversation("C0FALLBACK") },
            [SettingsModal.ManagersBlock] = new JsonObject { ["managers.value"] = Users("U0MIA", "U0ZED") },
        };
        await _app.SendAsync(Submission(_app.LastView("views.open"), form, userId: "U0CAROL"));
        await _app.SendAsync(ButtonInHome(HomeActionIds.RotateSecret, "home.secret", "rotate", userId: "U0CAROL"));

        var entries = (await _app.Factory.Service<AuditLog>().ListPageAsync("T0ACME", 0, 10, _ct)).Entries;
        Assert.Equal([AuditAction.SignalSecretRotated, AuditAction.ManagersSet, AuditAction.SettingsSaved, AuditAction.ManagersSet], entries.Select(e => e.Action));
        Assert.All(entries.Take(3), e => Assert.Equal("U0CAROL", e.ActorUserId));
        Assert.Equal("<@U0MIA>, <@U0ZED>", Assert.Single(entries[1].Changes).After);
        Assert.Contains(entries[2].Changes, c => c.Field == "Salesforce base URL" && c.After == "https://acme.lightning.force.com");
        Assert.Empty(_app.Slack.Violations);
    }

    private static readonly SlackApp.Analytics.DeliveryFigures Busy = new SlackApp.Analytics.DeliveryFigures { Sent = 100_000, Acknowledged = 50_000, MedianTimeToAcknowledge = TimeSpan.FromHours(30), NotRelevant = 5_000, Snoozed = 800, Escalated = 200 };

    private static List<JsonObject> Blocks(JsonNode view) => [.. view["blocks"]!.AsArray().OfType<JsonObject>()];

    public void Dispose() => _app.Dispose();
}
