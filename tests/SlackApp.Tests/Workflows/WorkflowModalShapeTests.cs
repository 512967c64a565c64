using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlackApp.Home;
using SlackApp.Installations;
using SlackApp.Tests.Fakes;
using SlackApp.Workflows;
using static SlackApp.Tests.Workflows.WorkflowModalFlowTests;
using static SlackApp.Tests.Workflows.WorkflowPayloads;

namespace SlackApp.Tests.Workflows;

/// <summary>The workflow modal as a person sees it: grouped, starting on their channel, no clutter, bounded inputs.</summary>
public sealed class WorkflowModalShapeTests : IDisposable
{
    private readonly WorkflowApp _app = new();

    [Fact]
    public void Inputs_are_grouped_under_trigger_filters_recipients_and_delivery()
    {
        var layout = Json(WorkflowModal.Build(null))["blocks"]!.AsArray()
            .Select(b => (string?)b!["type"] == "header" ? "# " + (string?)b["text"]!["text"] : (string?)b["block_id"])
            .ToList();

        Assert.Equal(
            [
                "name",
                "# Trigger", "signal_types",
                "# Filters", "min_seniority", "account_statuses", "departments", "title_keywords", "relationships",
                "# Recipients", "channels", "roles", "users",
                "# Delivery", "delivery_mode", "digest_every", "daily_at", "duplicate_window", "daily_cap", "escalate_after", "escalate_to_user", "escalate_to_channel", "fallback_channel", "preview", "enabled",
            ],
            layout);
    }

    [Fact]
    public async Task A_new_workflow_typed_in_a_channel_posts_there_by_default()
    {
        await _app.SendAsync(SlackRequests.SlashCommand("workflow create"));

        var modal = _app.LastView("views.open");
        var channels = Element(modal, WorkflowModal.ChannelsBlock);
        Assert.Equal("""["C2147483705"]""", channels["initial_conversations"]!.ToJsonString());
        Assert.Null(channels["placeholder"]);
        Assert.Equal("""{"channel_id":"C2147483705","channel_name":"general"}""", (string?)modal["private_metadata"]);
        Assert.Empty(_app.Slack.Violations);
    }

    [Fact]
    public async Task A_new_workflow_typed_in_a_dm_starts_with_no_channel()
    {
        await _app.SendAsync(CommandIn("D0DIRECT", "directmessage", "workflow create"));

        var modal = _app.LastView("views.open");
        var channels = Element(modal, WorkflowModal.ChannelsBlock);
        Assert.Null(channels["initial_conversations"]);
        Assert.Equal("Public or private channels", (string?)channels["placeholder"]!["text"]);
        Assert.Equal("{}", (string?)modal["private_metadata"]);
    }

    [Fact]
    public void An_edited_workflow_keeps_its_own_channels_not_the_one_it_was_opened_in()
    {
        var workflow = WorkflowRepositoryTests.Draft("Execs") with { Id = 7, Version = 3 };

        var modal = Json(WorkflowModal.Build(workflow, new WorkflowOrigin("C0ELSEWHERE", "elsewhere")));

        Assert.Equal("""["C0ALERTS"]""", Element(modal, WorkflowModal.ChannelsBlock)["initial_conversations"]!.ToJsonString());
        Assert.Equal(new WorkflowModalMetadata(7, 3, "C0ELSEWHERE", "elsewhere"), WorkflowModalMetadata.Parse((string?)modal["private_metadata"]));
    }

    [Fact]
    public void No_field_shows_a_placeholder_beside_a_pre_selected_value()
    {
        var filled = Json(WorkflowModal.Build(WorkflowRepositoryTests.Draft("Execs") with { Id = 7 }));
        var empty = Json(WorkflowModal.Build(null));

        var initialKeys = new[] { "initial_value", "initial_option", "initial_options", "initial_conversation", "initial_conversations", "initial_users", "initial_time" };
        foreach (var element in Elements(filled))
        {
            Assert.False(element["placeholder"] is not null && initialKeys.Any(k => element[k] is not null), element.ToJsonString());
        }

        // Every field that can show one does so when it starts empty (the seniority select starts on "Any", the delivery
        // settings on their defaults; checkboxes and radio buttons have no placeholder).
        var startEmpty = Elements(empty).Where(e => !initialKeys.Any(k => e[k] is not null) && (string?)e["type"] is not ("checkboxes" or "radio_buttons")).ToList();
        Assert.Contains(startEmpty, e => (string?)e["type"] == "number_input");
        Assert.All(startEmpty, e => Assert.NotNull(e["placeholder"]));
    }

    [Fact]
    public void Every_text_input_of_the_workflow_and_settings_modals_has_a_length_limit()
    {
        var workflow = TextInputs(Json(WorkflowModal.Build(null)));
        var settings = TextInputs(Json(SettingsModal.Build(new WorkspaceSettings(), [], isAdmin: true)));

        // Named per modal, not a total across both: a text input added to either fails here by name (so its limit is
        // decided), and a walk that found nothing cannot pass.
        Assert.Equal([WorkflowModal.NameBlock, WorkflowModal.DepartmentsBlock, WorkflowModal.TitleKeywordsBlock], workflow.Select(i => i.Key));
        Assert.Equal([SettingsModal.SalesforceBlock, SettingsModal.TimeZoneBlock], settings.Select(i => i.Key));
        Assert.All(workflow.Concat(settings), input => Assert.True((int?)input.Value["max_length"] is >= 1 and <= 1000, $"{input.Key} has no length limit of 1..1000"));
    }

    [Fact]
    public async Task A_private_channel_the_app_cannot_see_is_named_in_the_error()
    {
        // Slack answers channel_not_found for a private channel the app is not in; the command carried its name.
        _app.Slack.On("conversations.info", _ => FakeSlackAnswer.Error("channel_not_found"));
        await _app.SendAsync(CommandIn("C0DEALS", "deal-desk", "workflow create"));
        var modal = _app.LastView("views.open");
        var form = FullForm("Execs");
        form["channels"] = new JsonObject { ["channels.value"] = Conversations("C0DEALS") };

        var errors = Errors(await _app.SendAsync(Submission(modal, form)));

        Assert.Equal("The app is not in the private channel #deal-desk: invite it there first (/invite @UserGems), or choose another channel.", errors["channels"]);
        Assert.Equal("The app can't see the channel C0FALLBACK: if it is private, invite the app there first (/invite @UserGems), or choose another channel.", errors["fallback_channel"]);
    }

    [Theory]
    [InlineData("C0GENERAL", "general", "C0GENERAL", "general")]
    [InlineData("G0DEALS", "deal-desk", "G0DEALS", "deal-desk")]
    [InlineData("G0SECRET", "privategroup", "G0SECRET", null)]
    [InlineData("C0GENERAL", null, "C0GENERAL", null)]
    [InlineData("D0DIRECT", "directmessage", null, null)]
    [InlineData("G0GROUP", "mpdm-ann--bob-1", null, null)]
    [InlineData("C0GENERAL", "directmessage", null, null)]
    [InlineData(null, "general", null, null)]
    [InlineData("c0lower", "general", null, null)]
    [InlineData("C0GENERAL", "<!channel>", "C0GENERAL", null)]
    public void Only_a_channel_is_an_origin_and_only_a_real_name_is_kept(string? id, string? name, string? originId, string? originName)
    {
        var origin = WorkflowOrigin.Of(id, name);

        Assert.Equal(originId, origin?.Id);
        Assert.Equal(originName, origin?.Name);
    }

    private static HttpRequestMessage CommandIn(string channelId, string channelName, string text) =>
        SlackRequests.SignedRequest(
            string.Join('&', new Dictionary<string, string>
            {
                ["team_id"] = "T0ACME",
                ["channel_id"] = channelId,
                ["channel_name"] = channelName,
                ["user_id"] = "U0ADMIN",
                ["command"] = "/usergems",
                ["text"] = text,
                ["api_app_id"] = "A0KRD7HC3",
                ["response_url"] = "https://hooks.slack.test/commands/1234/5678",
                ["trigger_id"] = "13345224609.738474920.8088930838d88f008e0",
            }.Select(p => $"{p.Key}={WebUtility.UrlEncode(p.Value)}")),
            "application/x-www-form-urlencoded");

    private static JsonObject Json(SlackApp.Slack.Blocks.View view) =>
        JsonSerializer.SerializeToNode(view, SlackApp.Slack.Json.SlackJson.Options)!.AsObject();

    private static JsonObject Element(JsonObject modal, string blockId) =>
        modal["blocks"]!.AsArray().OfType<JsonObject>().Single(b => (string?)b["block_id"] == blockId)["element"]!.AsObject();

    /// <summary>The plain_text_input elements of <paramref name="modal"/>'s input blocks, by block_id in modal order.</summary>
    private static List<KeyValuePair<string, JsonObject>> TextInputs(JsonObject modal) =>
        modal["blocks"]!.AsArray().OfType<JsonObject>()
            .Where(b => (string?)b["type"] == "input" && (string?)b["element"]?["type"] == "plain_text_input")
            .Select(b => KeyValuePair.Create((string)b["block_id"]!, b["element"]!.AsObject()))
            .ToList();

    private static IEnumerable<JsonObject> Elements(JsonObject modal) =>
        modal["blocks"]!.AsArray().OfType<JsonObject>().Select(b => b["element"]).OfType<JsonObject>();

    public void Dispose() => _app.Dispose();
}
