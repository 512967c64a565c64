using System.Text.Json.Nodes;
using SlackApp.Analytics;
using SlackApp.Data;
using SlackApp.Tests.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Analytics;

/// <summary>The analytics on the Home tab: the workspace's block and each workflow's figures, for admins and managers only.</summary>
public sealed class HomeAnalyticsTests : IDisposable
{
    private readonly WorkflowApp _app = new();

    [Theory]
    [InlineData("U0CAROL")]
    [InlineData("U0MIA")]
    public async Task Admins_and_managers_see_the_workspace_figures_and_each_workflows_beside_its_activity(string userId)
    {
        var workflow = await _app.SeedAsync();
        var now = DateTimeOffset.UtcNow;
        await AnalyticsRows.AddAsync(
            _app.Factory.Service<DbConnectionFactory>(),
            new AnalyticsItem(WorkflowApp.Acme.TeamId, workflow.Id, now.AddHours(-3)) { AcknowledgedAfter = TimeSpan.FromMinutes(20) },
            new AnalyticsItem(WorkflowApp.Acme.TeamId, workflow.Id, now.AddDays(-10)) { Snoozed = true });

        await _app.SendAsync(HomeOpened(userId));

        var blocks = Blocks(_app.LastView("views.publish"));
        var section = (string?)blocks.Single(b => (string?)b["block_id"] == AnalyticsComposer.BlockId)["text"]!["text"];
        Assert.Contains("Last 7 days: 1 sent · 100% acknowledged (median 20 min) · 0% not relevant · 0 snoozed · 0 escalated", section, StringComparison.Ordinal);
        Assert.Contains("Last 30 days: 2 sent · 50% acknowledged (median 20 min) · 0% not relevant · 1 snoozed", section, StringComparison.Ordinal);
        var activity = blocks.Single(b => (string?)b["block_id"] == $"home.activity.{workflow.Id}")["elements"]!.AsArray();
        Assert.Equal("100% acknowledged (median 20 min) · 30 days: 2 sent, 50% acknowledged (median 20 min)", (string?)activity[1]!["text"]);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Members_see_no_analytics()
    {
        var workflow = await _app.SeedAsync();
        await AnalyticsRows.AddAsync(_app.Factory.Service<DbConnectionFactory>(), new AnalyticsItem(WorkflowApp.Acme.TeamId, workflow.Id, DateTimeOffset.UtcNow.AddHours(-1)));

        await _app.SendAsync(HomeOpened("U0BOB"));

        var view = _app.LastView("views.publish");
        Assert.DoesNotContain(AnalyticsComposer.BlockId, view.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(Blocks(view).Single(b => (string?)b["block_id"] == $"home.activity.{workflow.Id}")["elements"]!.AsArray());
    }

    private static List<JsonObject> Blocks(JsonNode view) => [.. view["blocks"]!.AsArray().OfType<JsonObject>()];

    public void Dispose() => _app.Dispose();
}
