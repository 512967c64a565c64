using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Signals;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Workflows;

/// <summary><c>/usergems workflow create</c> → <c>views.open</c> → <c>view_submission</c> → stored → Home republished.</summary>
public sealed class WorkflowModalFlowTests : IDisposable
{
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task Create_opens_the_modal_and_a_submission_stores_the_workflow_and_republishes_home(SlackTransport transport)
    {
        using var app = new WorkflowApp(transport: transport);
        await app.SendAsync(SlackRequests.SlashCommand("workflow create"));

        var open = Assert.Single(app.Slack.CallsTo("views.open"));
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", open.Field("trigger_id"));
        var modal = (JsonObject)open.Body["view"]!;
        Assert.Equal("modal", (string?)modal["type"]);
        Assert.Equal(WorkflowModal.CallbackId, (string?)modal["callback_id"]);
        var blocks = modal["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["block_id"] is not null).ToDictionary(b => (string)b["block_id"]!);
        Assert.Equal("multi_static_select", (string?)blocks["signal_types"]["element"]!["type"]);
        Assert.Equal("static_select", (string?)blocks["min_seniority"]["element"]!["type"]);
        Assert.Equal("multi_static_select", (string?)blocks["account_statuses"]["element"]!["type"]);
        Assert.Equal("multi_static_select", (string?)blocks["relationships"]["element"]!["type"]);
        Assert.Equal("plain_text_input", (string?)blocks["departments"]["element"]!["type"]);
        Assert.Equal("plain_text_input", (string?)blocks["title_keywords"]["element"]!["type"]);
        Assert.Equal("checkboxes", (string?)blocks["roles"]["element"]!["type"]);
        Assert.Equal("multi_users_select", (string?)blocks["users"]["element"]!["type"]);
        Assert.Equal("conversations_select", (string?)blocks["fallback_channel"]["element"]!["type"]);
        var channels = blocks["channels"]["element"]!;
        Assert.Equal("multi_conversations_select", (string?)channels["type"]);
        Assert.Equal("""{"include":["public","private"],"exclude_external_shared_channels":true,"exclude_bot_users":true}""", channels["filter"]!.ToJsonString());
        Assert.Equal(60, (int?)blocks["name"]["element"]!["max_length"]);

        var ack = await app.SendAsync(Submission(modal, FullForm("Execs at Closed Lost")));

        Assert.Equal(string.Empty, ack);
        var stored = Assert.Single(await app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
        Assert.Equal("Execs at Closed Lost", stored.Name);
        Assert.True(stored.Enabled);
        Assert.Equal([SignalType.NewHire, SignalType.Promotion], stored.SignalTypes);
        Assert.Equal(Seniority.Director, stored.Filters.MinimumSeniority);
        Assert.Equal([AccountStatus.ClosedLost, AccountStatus.Customer], stored.Filters.AccountStatuses);
        Assert.Equal(["Sales", "Marketing"], stored.Filters.Departments);
        Assert.Equal(["VP", "Head of"], stored.Filters.TitleKeywords);
        Assert.Equal([PersonRelationship.Champion], stored.Filters.Relationships);
        Assert.Equal(["C0ALERTS"], stored.Recipients.ChannelIds);
        Assert.Equal([AccountRole.Owner], stored.Recipients.Roles);
        Assert.Equal(["U0BOSS"], stored.Recipients.UserIds);
        Assert.Equal("C0FALLBACK", stored.FallbackChannelId);
        Assert.Equal("U0ADMIN", stored.CreatedBy);

        var publish = Assert.Single(app.Slack.CallsTo("views.publish"));
        Assert.Equal("U0ADMIN", publish.Field("user_id"));
        Assert.Contains("Execs at Closed Lost", publish.Body["view"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.Violations);
    }

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task Missing_name_trigger_and_recipient_are_answered_on_their_blocks(SlackTransport transport)
    {
        using var app = new WorkflowApp(transport: transport);
        var modal = ModalView();

        var ack = await app.SendAsync(Submission(modal, new JsonObject
        {
            ["name"] = new JsonObject { ["name.value"] = Text("   ") },
            ["signal_types"] = new JsonObject { ["signal_types.value"] = MultiSelect() },
            ["channels"] = new JsonObject { ["channels.value"] = Conversations() },
            ["roles"] = new JsonObject { ["roles.value"] = Checkboxes() },
            ["users"] = new JsonObject { ["users.value"] = Users() },
        }));

        var errors = Errors(ack);
        Assert.Equal(["channels", "name", "signal_types"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("name", errors["name"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("signal type", errors["signal_types"], StringComparison.Ordinal);
        Assert.Contains("recipient", errors["channels"], StringComparison.Ordinal);
        Assert.Empty(await app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public async Task Too_long_or_taken_names_are_refused_on_the_name_block()
    {
        await _app.SeedAsync("Execs at Closed Lost");

        var tooLong = Errors(await _app.SendAsync(Submission(ModalView(), FullForm(new string('x', 61)))));
        var taken = Errors(await _app.SendAsync(Submission(ModalView(), FullForm("execs at closed lost"))));

        Assert.Contains("60", tooLong["name"], StringComparison.Ordinal);
        Assert.Contains("already has this name", taken["name"], StringComparison.Ordinal);
        Assert.Single(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public async Task An_archived_or_unreachable_channel_is_refused_on_its_block()
    {
        _app.Slack.On("conversations.info", call => call.Field("channel") switch
        {
            "C0ALERTS" => FakeSlackAnswer.Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = "C0ALERTS", ["name"] = "old-alerts", ["is_channel"] = true, ["is_archived"] = true } }),
            "C0FALLBACK" => FakeSlackAnswer.Error("channel_not_found"),
            _ => null,
        });

        var errors = Errors(await _app.SendAsync(Submission(ModalView(), FullForm("Execs"))));

        Assert.Contains("archived", errors["channels"], StringComparison.Ordinal);
        Assert.Contains("invite", errors["fallback_channel"], StringComparison.Ordinal);
        Assert.Empty(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public async Task Edit_opens_the_modal_with_every_current_value()
    {
        var workflow = await _app.SeedAsync(Workflows.WorkflowRepositoryTests.Draft("Execs") with { Enabled = false });

        await _app.SendAsync(SlackRequests.SlashCommand($"workflow edit #{workflow.Id}"));

        var modal = _app.LastView("views.open");
        Assert.Equal($"{{\"workflow_id\":{workflow.Id},\"version\":1,\"channel_id\":\"C2147483705\",\"channel_name\":\"general\"}}", (string?)modal["private_metadata"]);
        var blocks = modal["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["block_id"] is not null).ToDictionary(b => (string)b["block_id"]!, b => b["element"]!);
        Assert.Equal("Execs", (string?)blocks["name"]["initial_value"]);
        Assert.Equal(["new_hire", "promotion"], Values(blocks["signal_types"]["initial_options"]));
        Assert.Equal("director", (string?)blocks["min_seniority"]["initial_option"]!["value"]);
        Assert.Equal(["customer", "closed_lost"], Values(blocks["account_statuses"]["initial_options"]));
        Assert.Equal("Sales", (string?)blocks["departments"]["initial_value"]);
        Assert.Equal("VP, Head of", (string?)blocks["title_keywords"]["initial_value"]);
        Assert.Equal(["champion"], Values(blocks["relationships"]["initial_options"]));
        Assert.Equal("""["C0ALERTS"]""", blocks["channels"]["initial_conversations"]!.ToJsonString());
        Assert.Equal(["owner", "csm"], Values(blocks["roles"]["initial_options"]));
        Assert.Equal("""["U0BOSS"]""", blocks["users"]["initial_users"]!.ToJsonString());
        Assert.Equal("C0FALLBACK", (string?)blocks["fallback_channel"]["initial_conversation"]);
        Assert.Null(blocks["enabled"]["initial_options"]);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task Second_of_two_edits_from_the_same_version_is_refused_and_overwrites_nothing()
    {
        var workflow = await _app.SeedAsync("Execs");
        await _app.SendAsync(SlackRequests.SlashCommand("workflow edit Execs"));
        await _app.SendAsync(SlackRequests.SlashCommand("workflow edit Execs", userId: "U0CAROL"));
        var adminsModal = _app.Slack.CallsTo("views.open").First().Body["view"]!.AsObject();
        var carolsModal = _app.Slack.CallsTo("views.open").Last().Body["view"]!.AsObject();

        var first = await _app.SendAsync(Submission(carolsModal, FullForm("Execs (Carol)"), userId: "U0CAROL"));
        var second = await _app.SendAsync(Submission(adminsModal, FullForm("Execs (Admin)")));

        Assert.Equal(string.Empty, first);
        Assert.Contains("Someone else saved this workflow", Errors(second)["name"], StringComparison.Ordinal);
        var stored = await _app.Workflows.GetAsync(WorkflowApp.Acme, workflow.Id, _ct);
        Assert.Equal("Execs (Carol)", stored!.Name);
        Assert.Equal(2, stored.Version);
        Assert.Equal("U0CAROL", stored.UpdatedBy);
    }

    [Fact]
    public async Task A_workflow_id_of_another_workspace_in_private_metadata_is_refused()
    {
        var globex = new SlackApp.Installations.Workspace("T0GLOBEX");
        var theirs = await _app.SeedAsync(WorkflowApp.Draft("Globex alerts"), globex);

        var ack = await _app.SendAsync(Submission(ModalView(), FullForm("Hijacked"), privateMetadata: $"{{\"workflow_id\":{theirs.Id},\"version\":1}}"));

        Assert.Contains("doesn't exist in this workspace", Errors(ack)["name"], StringComparison.Ordinal);
        Assert.Equal("Globex alerts", (await _app.Workflows.GetAsync(globex, theirs.Id, _ct))!.Name);
        Assert.Empty(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public async Task A_member_who_submits_the_modal_is_refused_with_who_can()
    {
        var ack = await _app.SendAsync(Submission(ModalView(), FullForm("Bob's"), userId: "U0BOB"));

        var update = JsonNode.Parse(ack)!;
        Assert.Equal("update", (string?)update["response_action"]);
        var text = (string?)update["view"]!["blocks"]![0]!["text"]!["text"];
        Assert.Contains("<@U0ADMIN>", text, StringComparison.Ordinal);
        Assert.Contains("<@U0MIA>", text, StringComparison.Ordinal);
        Assert.Empty(await _app.Workflows.ListAsync(WorkflowApp.Acme, _ct));
    }

    [Fact]
    public async Task A_member_asking_to_create_is_told_who_can_and_no_editor_opens()
    {
        var ack = await _app.SendAsync(SlackRequests.SlashCommand("workflow new", userId: "U0BOB"));

        // The refusal comes first, in the command's ack: no form is shown that could not be saved.
        Assert.Equal(["users.info"], _app.Slack.Calls.Select(c => c.Method));
        var text = (string?)System.Text.Json.Nodes.JsonNode.Parse(ack)!["text"];
        Assert.Contains("Sorry, you can't create, edit, pause or delete workflows", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ADMIN>", text, StringComparison.Ordinal);
        Assert.Contains("<@U0MIA>", text, StringComparison.Ordinal);
        Assert.Empty(_app.Responses);
    }

    [Fact]
    public async Task A_workflow_manager_may_create()
    {
        await _app.SendAsync(SlackRequests.SlashCommand("workflow create", userId: "U0MIA"));

        var ack = await _app.SendAsync(Submission(_app.LastView("views.open"), FullForm("Mia's"), userId: "U0MIA"));

        Assert.Equal(string.Empty, ack);
        Assert.Equal("U0MIA", (await _app.Workflows.FindByNameAsync(WorkflowApp.Acme, "Mia's", _ct))!.CreatedBy);
    }

    internal static JsonObject FullForm(string name) => new()
    {
        ["name"] = new JsonObject { ["name.value"] = Text(name) },
        ["signal_types"] = new JsonObject { ["signal_types.value"] = MultiSelect("new_hire", "promotion") },
        ["min_seniority"] = new JsonObject { ["min_seniority.value"] = Select("director") },
        ["account_statuses"] = new JsonObject { ["account_statuses.value"] = MultiSelect("closed_lost", "customer") },
        ["departments"] = new JsonObject { ["departments.value"] = Text("Sales, Marketing ,") },
        ["title_keywords"] = new JsonObject { ["title_keywords.value"] = Text("VP, Head of") },
        ["relationships"] = new JsonObject { ["relationships.value"] = MultiSelect("champion") },
        ["channels"] = new JsonObject { ["channels.value"] = Conversations("C0ALERTS") },
        ["roles"] = new JsonObject { ["roles.value"] = Checkboxes("owner") },
        ["users"] = new JsonObject { ["users.value"] = Users("U0BOSS") },
        ["fallback_channel"] = new JsonObject { ["fallback_channel.value"] = Conversation("C0FALLBACK") },
        ["enabled"] = new JsonObject { ["enabled.value"] = Checkboxes("enabled") },
    };

    internal static JsonObject ModalView() =>
        JsonSerializer.SerializeToNode<SlackApp.Slack.Blocks.View>(WorkflowModal.Build(null), SlackApp.Slack.Json.SlackJson.Options)!.AsObject();

    internal static Dictionary<string, string> Errors(string ack)
    {
        var body = JsonNode.Parse(ack)!;
        Assert.Equal("errors", (string?)body["response_action"]);
        return body["errors"]!.AsObject().ToDictionary(e => e.Key, e => (string)e.Value!);
    }

    private static List<string> Values(JsonNode? options) => options!.AsArray().Select(o => (string)o!["value"]!).ToList();

    public void Dispose() => _app.Dispose();
}
