using System.Text.Json.Nodes;
using SlackApp.Audit;
using SlackApp.Data;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Workflows;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Audit;

/// <summary><c>/usergems audit</c> over HTTP: admins only, the workspace's own entries, pages that re-check on every click.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_gets_the_latest_changes_with_before_and_after_ephemerally()
    {
        var workflow = await _app.SeedAsync("Execs at Closed Lost");
        await _app.Workflows.SetEnabledAsync(WorkflowApp.Acme, workflow.Id, enabled: false, "U0MIA", _ct);

        var ack = await _app.SendAsync(SlackRequests.SlashCommand("audit", userId: "U0CAROL"));

        Assert.Equal(string.Empty, ack);
        var answer = Assert.Single(_app.Responses);
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        var text = Texts(answer);
        Assert.Contains("<@U0MIA> paused the workflow *Execs at Closed Lost*", text, StringComparison.Ordinal);
        Assert.Contains("• Status: active → paused", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ADMIN> created the workflow *Execs at Closed Lost*", text, StringComparison.Ordinal);
        Assert.Contains("• Recipients: DM account owner", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ADMIN> changed the workflow managers", text, StringComparison.Ordinal);
        Assert.Contains("• Workflow managers: none → <@U0MIA>", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("paused", StringComparison.Ordinal) < text.IndexOf("created", StringComparison.Ordinal), "newest first");
        Assert.Empty(Buttons(answer));
        Assert.Empty(_app.Slack.Violations);
    }

    [Theory]
    [InlineData("U0BOB")]
    [InlineData("U0MIA")]
    public async Task A_member_or_manager_is_refused_with_who_can_and_nothing_is_read(string userId)
    {
        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("audit", userId: userId)))!;

        var text = (string?)ack["text"];
        Assert.Contains($"Sorry, you can't {AuditLogReaders.Rights}", text, StringComparison.Ordinal);
        Assert.Contains("Only workspace admins and owners", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ADMIN>", text, StringComparison.Ordinal);
        Assert.Empty(_app.Responses);
    }

    [Fact]
    public async Task Older_and_newer_replace_the_message_with_that_page()
    {
        await SeedEntriesAsync("T0ACME", AuditComposer.PageSize + 5);

        await _app.SendAsync(SlackRequests.SlashCommand("audit"));
        var first = _app.Responses[^1];
        Assert.Contains("changes 1–20", Texts(first), StringComparison.Ordinal);
        var older = Assert.Single(Buttons(first));
        Assert.Equal(AuditActionIds.Older, (string?)older["action_id"]);

        await _app.SendAsync(ButtonInMessage(AuditActionIds.Older, "audit.paging", (string)older["value"]!));
        var second = _app.Responses[^1];
        Assert.True((bool?)second["replace_original"]);
        Assert.Contains("changes 21–26", Texts(second), StringComparison.Ordinal);
        Assert.Contains("Seeded 0", Texts(second), StringComparison.Ordinal);
        var newer = Assert.Single(Buttons(second));
        Assert.Equal(AuditActionIds.Newer, (string?)newer["action_id"]);

        await _app.SendAsync(ButtonInMessage(AuditActionIds.Newer, "audit.paging", (string)newer["value"]!));
        Assert.Contains("changes 1–20", Texts(_app.Responses[^1]), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_page_can_be_asked_for_by_number()
    {
        await SeedEntriesAsync("T0ACME", AuditComposer.PageSize + 5);

        await _app.SendAsync(SlackRequests.SlashCommand("audit 2"));

        Assert.Contains("changes 21–26", Texts(_app.Responses[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paging_click_is_checked_again_and_a_member_is_refused()
    {
        await SeedEntriesAsync("T0ACME", AuditComposer.PageSize + 5);

        await _app.SendAsync(ButtonInMessage(AuditActionIds.Older, "audit.paging", "2", userId: "U0BOB"));

        var answer = Assert.Single(_app.Responses);
        Assert.NotEqual(true, (bool?)answer["replace_original"]);
        Assert.Contains($"Sorry, you can't {AuditLogReaders.Rights}", (string?)answer["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("Seeded", answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_sees_only_its_own_entries_whatever_page_is_clicked()
    {
        await SeedEntriesAsync("T0GLOBEX", 3, name: "Globex secret plans");

        await _app.SendAsync(SlackRequests.SlashCommand("audit"));
        await _app.SendAsync(ButtonInMessage(AuditActionIds.Older, "audit.paging", "1"));

        Assert.All(_app.Responses, r => Assert.DoesNotContain("Globex", r.ToJsonString(), StringComparison.Ordinal));
        Assert.Contains("changed the workflow managers", Texts(_app.Responses[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_page_number_shows_the_first_page()
    {
        await _app.SendAsync(ButtonInMessage(AuditActionIds.Older, "audit.paging", "-3"));

        Assert.Contains("changed the workflow managers", Texts(_app.Responses[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_is_not_a_number_says_how_in_the_ack()
    {
        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("audit last")))!;

        Assert.Equal(AuditCommandLine.Usage, (string?)ack["text"]);
        Assert.Empty(_app.Responses);
    }

    [Fact]
    public async Task Other_words_still_reach_the_workflow_command()
    {
        var ack = JsonNode.Parse(await _app.SendAsync(SlackRequests.SlashCommand("auditing")))!;

        Assert.Contains("I don't know", (string?)ack["text"], StringComparison.Ordinal);
    }

    private async Task SeedEntriesAsync(string teamId, int count, string name = "Seeded")
    {
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        await using var connection = await _app.Factory.Service<DbConnectionFactory>().OpenAsync(_ct);
        for (var i = 0; i < count; i++)
        {
            await AuditLog.RecordAsync(connection, null, new AuditEntry
            {
                TeamId = teamId,
                At = start.AddMinutes(i),
                ActorUserId = "U0ADMIN",
                Action = AuditAction.WorkflowCreated,
                SubjectKind = AuditSubject.Workflow,
                SubjectId = "1",
                SubjectName = $"{name} {i}",
                Changes = [AuditChange.Of("Name", null, $"{name} {i}")],
            }, _ct);
        }
    }

    private static List<JsonObject> Buttons(JsonObject message) =>
        [.. message["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).OfType<JsonObject>()];

    private static string Texts(JsonObject message) =>
        string.Join('\n', message["blocks"]!.AsArray().Select(b => (string?)b!["text"]?["text"]).OfType<string>());

    public void Dispose() => _app.Dispose();
}
