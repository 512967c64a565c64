using System.Text.Json.Nodes;
using SlackApp.Sandbox.Workspace;
using static SlackApp.Sandbox.Tests.Answers;

namespace SlackApp.Sandbox.Tests.WebApi;

public sealed class SandboxWebApiTests : IAsyncLifetime
{
    private SandboxTestHost _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await SandboxTestHost.StartAsync();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    [Fact]
    public async Task A_call_without_a_token_is_not_authed()
    {
        AssertError("not_authed", await _sandbox.CallAsync("auth.test", [], token: string.Empty));
    }

    [Fact]
    public async Task A_call_with_another_token_is_invalid_auth()
    {
        AssertError("invalid_auth", await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.General, ["text"] = "hi" }, token: "xoxb-not-the-sandbox"));
        Assert.Empty(_sandbox.Workspace.MessagesIn(SandboxSeed.General, SandboxSeed.You));
    }

    [Fact]
    public async Task Auth_test_names_the_sandbox_workspace_and_its_bot()
    {
        var answer = await _sandbox.CallAsync("auth.test", []);

        AssertOk(answer);
        Assert.Equal("T0SANDBOX", answer["team_id"]!.GetValue<string>());
        Assert.Equal("U0BOT", answer["user_id"]!.GetValue<string>());
        Assert.Equal("B0BOT", answer["bot_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Posting_to_an_unknown_channel_is_channel_not_found()
    {
        AssertError("channel_not_found", await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C0NOPE", ["text"] = "hi" }));
    }

    [Fact]
    public async Task Posting_to_a_private_channel_without_the_app_is_not_in_channel()
    {
        AssertError("not_in_channel", await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.Leadership, ["text"] = "hi" }));
        Assert.Empty(_sandbox.Workspace.MessagesIn(SandboxSeed.Leadership, SandboxSeed.You));
    }

    [Fact]
    public async Task Posting_to_a_private_channel_with_the_app_and_to_a_public_one_without_it_works()
    {
        AssertOk(await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.DealDesk, ["text"] = "private" }));
        // Public channels need no membership: the app has chat:write.public.
        AssertOk(await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.AeAlerts, ["text"] = "public" }));

        Assert.Equal("private", Assert.Single(_sandbox.Workspace.MessagesIn(SandboxSeed.DealDesk, SandboxSeed.You)).Text);
        Assert.Equal("public", Assert.Single(_sandbox.Workspace.MessagesIn(SandboxSeed.AeAlerts, SandboxSeed.You)).Text);
    }

    [Fact]
    public async Task Posting_to_an_archived_channel_is_is_archived()
    {
        AssertError("is_archived", await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.OldLaunch, ["text"] = "hi" }));
    }

    [Fact]
    public async Task Posting_to_a_user_id_lands_in_the_apps_dm_with_that_user()
    {
        var answer = await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.AccountExecutive, ["text"] = "for the AE" });

        AssertOk(answer);
        var dm = SandboxSeed.DirectMessageId(SandboxSeed.AccountExecutive);
        Assert.Equal(dm, answer["channel"]!.GetValue<string>());
        var message = Assert.Single(_sandbox.Workspace.MessagesIn(dm, SandboxSeed.AccountExecutive));
        Assert.Equal(answer["ts"]!.GetValue<string>(), message.Ts);
        Assert.Equal("B0BOT", message.BotId);
    }

    [Fact]
    public async Task Invalid_blocks_are_refused_with_a_json_pointer_per_reason_and_shown_as_a_banner()
    {
        var blocks = new JsonArray(new JsonObject
        {
            ["type"] = "header",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('x', 151) },
        });

        var answer = await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.General, ["text"] = "fallback", ["blocks"] = blocks });

        AssertError("invalid_blocks", answer);
        var reason = Assert.Single(answer["response_metadata"]!["messages"]!.AsArray())!.GetValue<string>();
        Assert.Contains("[json-pointer:/blocks/0/text/text]", reason, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Workspace.MessagesIn(SandboxSeed.General, SandboxSeed.You));
        var notice = Assert.Single(_sandbox.Workspace.Notices);
        Assert.Equal("chat.postMessage answered invalid_blocks", notice.Title);
        Assert.Equal(reason, Assert.Single(notice.Details));
    }

    [Fact]
    public async Task A_message_with_neither_text_nor_blocks_is_no_text()
    {
        AssertError("no_text", await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.General }));
    }

    [Fact]
    public async Task An_ephemeral_message_for_someone_outside_the_channel_is_user_not_in_channel()
    {
        AssertError("user_not_in_channel", await _sandbox.CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = SandboxSeed.AeAlerts, ["user"] = SandboxSeed.Csm, ["text"] = "psst" }));

        var answer = await _sandbox.CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = SandboxSeed.AeAlerts, ["user"] = SandboxSeed.AccountExecutive, ["text"] = "psst" });
        AssertOk(answer);
        Assert.Single(_sandbox.Workspace.MessagesIn(SandboxSeed.AeAlerts, SandboxSeed.AccountExecutive));
        Assert.Empty(_sandbox.Workspace.MessagesIn(SandboxSeed.AeAlerts, SandboxSeed.You));
    }

    [Fact]
    public async Task Chat_update_replaces_the_apps_message_and_refuses_anyone_elses()
    {
        var posted = await _sandbox.CallAsync("chat.postMessage", new JsonObject { ["channel"] = SandboxSeed.General, ["text"] = "before" });
        var ts = posted["ts"]!.GetValue<string>();
        var human = _sandbox.Workspace.Post(SandboxSeed.General, SandboxSeed.You, "mine", blocks: null);

        var updated = await _sandbox.CallAsync("chat.update", new JsonObject { ["channel"] = SandboxSeed.General, ["ts"] = ts, ["text"] = "after", ["blocks"] = new JsonArray(Section("*after*")) });

        AssertOk(updated);
        var message = _sandbox.Workspace.Message(SandboxSeed.General, ts)!;
        Assert.Equal("after", message.Text);
        Assert.True(message.Edited);
        Assert.Equal("*after*", message.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        AssertError("cant_update_message", await _sandbox.CallAsync("chat.update", new JsonObject { ["channel"] = SandboxSeed.General, ["ts"] = human.Ts, ["text"] = "hijack" }));
        AssertError("message_not_found", await _sandbox.CallAsync("chat.update", new JsonObject { ["channel"] = SandboxSeed.General, ["ts"] = "1.000001", ["text"] = "x" }));
    }

    [Fact]
    public async Task Users_are_found_by_the_emails_the_sample_signals_use_and_an_unknown_email_is_users_not_found()
    {
        var ae = await _sandbox.CallFormAsync("users.lookupByEmail", ("email", "ae@vendor.example"));
        AssertOk(ae);
        Assert.Equal(SandboxSeed.AccountExecutive, ae["user"]!["id"]!.GetValue<string>());

        AssertError("users_not_found", await _sandbox.CallFormAsync("users.lookupByEmail", ("email", "former.ae@vendor.example")));
        AssertError("user_not_found", await _sandbox.CallFormAsync("users.info", ("user", "U0NOBODY")));
        var admin = await _sandbox.CallFormAsync("users.info", ("user", SandboxSeed.You));
        Assert.True(admin["user"]!["is_admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Conversations_list_shows_what_a_bot_token_sees_page_by_page()
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var fields = new List<(string, string)> { ("types", "public_channel,private_channel"), ("exclude_archived", "true"), ("limit", "2") };
            if (cursor is not null)
            {
                fields.Add(("cursor", cursor));
            }

            var page = await _sandbox.CallFormAsync("conversations.list", [.. fields]);
            AssertOk(page);
            Assert.True(page["channels"]!.AsArray().Count <= 2);
            seen.AddRange(page["channels"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
            cursor = page["response_metadata"]!["next_cursor"]!.GetValue<string>() is { Length: > 0 } next ? next : null;
        }
        while (cursor is not null);

        // Private channels only where the app is; the archived one left out as asked; each channel once. (The app's
        // own channels, added by its sandbox extension, are not here: this sandbox runs without one.)
        Assert.Equal(["ae-alerts", "deal-desk", "general"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Users_conversations_lists_a_persons_channels_and_private_ones_only_where_the_app_is_too()
    {
        var csm = await _sandbox.CallFormAsync("users.conversations", ("user", SandboxSeed.Csm), ("types", "public_channel,private_channel"));
        var member = await _sandbox.CallFormAsync("users.conversations", ("user", SandboxSeed.Member), ("types", "private_channel"));

        AssertOk(csm);
        var names = csm["channels"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("deal-desk", names);
        Assert.DoesNotContain("leadership", names);
        Assert.Empty(member["channels"]!.AsArray());
        AssertError("user_not_found", await _sandbox.CallFormAsync("users.conversations", ("user", "U0NOBODY")));
    }

    [Fact]
    public async Task Conversations_info_hides_a_private_channel_the_app_is_not_in()
    {
        AssertError("channel_not_found", await _sandbox.CallFormAsync("conversations.info", ("channel", SandboxSeed.Leadership)));
        var archived = await _sandbox.CallFormAsync("conversations.info", ("channel", SandboxSeed.OldLaunch));
        Assert.True(archived["channel"]!["is_archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Conversations_open_gives_the_apps_dm_and_refuses_an_unknown_user()
    {
        var opened = await _sandbox.CallFormAsync("conversations.open", ("users", SandboxSeed.Csm));

        AssertOk(opened);
        Assert.Equal(SandboxSeed.DirectMessageId(SandboxSeed.Csm), opened["channel"]!["id"]!.GetValue<string>());
        AssertError("user_not_found", await _sandbox.CallFormAsync("conversations.open", ("users", "U0NOBODY")));
    }

    [Fact]
    public async Task An_unknown_method_is_unknown_method()
    {
        AssertError("unknown_method", await _sandbox.CallAsync("chat.meMessage", []));
    }
}
