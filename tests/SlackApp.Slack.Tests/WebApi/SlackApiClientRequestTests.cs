using Microsoft.Extensions.DependencyInjection;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.WebApi;

public sealed class SlackApiClientRequestTests : IDisposable
{
    private const string PostMessageOk = """{"ok":true,"channel":"C123ABC456","ts":"1503435956.000247","message":{"text":"Hello","type":"message","subtype":"bot_message","ts":"1503435956.000247","bot_id":"B123ABC456"}}""";
    private const string ViewOk = """{"ok":true,"view":{"id":"VMHU10V25","team_id":"T8N4K1JN","type":"modal","hash":"156772938.1827394","callback_id":"workflow_edit","private_metadata":"wf-1","root_view_id":"VMHU10V25","previous_view_id":null,"app_id":"AA4928AQ","bot_id":"BA13894H","title":{"type":"plain_text","text":"Edit"},"blocks":[]}}""";
    private const string UserOk = """{"ok":true,"user":{"id":"W012A3CDE","team_id":"T012AB3C4","name":"spengler","deleted":false,"real_name":"Egon Spengler","tz":"America/Los_Angeles","profile":{"email":"spengler@ghostbusters.example.com","display_name":"spengler","real_name":"Egon Spengler"},"is_admin":true,"is_owner":false,"is_primary_owner":false,"is_bot":false}}""";
    private const string ChannelOk = """{"ok":true,"channel":{"id":"C012AB3CD","name":"general","is_channel":true,"is_private":false,"is_archived":false,"is_member":true}}""";

    private readonly SlackTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Posts_chat_postMessage_as_utf8_json_with_bearer_token_to_the_configured_base_url()
    {
        _host.Slack.ThenJson(PostMessageOk);

        var result = await _host.Client.ChatPostMessageAsync("C123ABC456", new Message("Hello", [new SectionBlock { Text = new MarkdownText("*New hire*"), BlockId = "b1" }]), cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(_host.Slack.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://slack.test/api/chat.postMessage", request.Uri.ToString());
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var body = request.JsonBody;
        Assert.Equal("C123ABC456", (string?)body["channel"]);
        Assert.Equal("Hello", (string?)body["text"]);
        Assert.False((bool)body["unfurl_links"]!);
        Assert.False((bool)body["unfurl_media"]!);
        Assert.False(body.ContainsKey("thread_ts"));
        Assert.False(body.ContainsKey("metadata"));
        var block = body["blocks"]![0]!.AsObject();
        Assert.Equal("section", (string?)block["type"]);
        Assert.Equal("*New hire*", (string?)block["text"]!["text"]);
        Assert.Equal("b1", (string?)block["block_id"]);
        Assert.Equal("C123ABC456", result.Channel);
        Assert.Equal("1503435956.000247", result.Ts);
        Assert.Equal("B123ABC456", result.Message?.BotId);
    }

    [Fact]
    public async Task Posts_thread_reply_with_metadata_and_requested_unfurls()
    {
        _host.Slack.ThenJson(PostMessageOk);
        var options = new PostMessageOptions
        {
            ThreadTs = "1503435956.000100",
            UnfurlLinks = true,
            Metadata = new MessageMetadata("signal_notified", new Dictionary<string, object?> { ["signal_id"] = "sig-42", ["count"] = 3 }),
        };

        await _host.Client.ChatPostMessageAsync("C1", new Message("Hi"), options, TestContext.Current.CancellationToken);

        var body = Assert.Single(_host.Slack.Requests).JsonBody;
        Assert.Equal("1503435956.000100", (string?)body["thread_ts"]);
        Assert.True((bool)body["unfurl_links"]!);
        Assert.False((bool)body["unfurl_media"]!);
        Assert.False(body.ContainsKey("blocks"));
        Assert.Equal("signal_notified", (string?)body["metadata"]!["event_type"]);
        Assert.Equal("sig-42", (string?)body["metadata"]!["event_payload"]!["signal_id"]);
        Assert.Equal(3, (int)body["metadata"]!["event_payload"]!["count"]!);
    }

    [Fact]
    public async Task Chat_update_clears_blocks_when_the_new_message_has_none()
    {
        _host.Slack.ThenJson("""{"ok":true,"channel":"C024BE91L","ts":"1401383885.000061","text":"Acknowledged","message":{"text":"Acknowledged","user":"U34567890"}}""");

        var result = await _host.Client.ChatUpdateAsync("C024BE91L", "1401383885.000061", new Message("Acknowledged"), TestContext.Current.CancellationToken);

        var request = Assert.Single(_host.Slack.Requests);
        Assert.Equal("chat.update", request.SlackMethod);
        Assert.Equal("1401383885.000061", (string?)request.JsonBody["ts"]);
        Assert.Empty(request.JsonBody["blocks"]!.AsArray());
        Assert.Equal("Acknowledged", result.Text);
    }

    [Fact]
    public async Task Chat_postEphemeral_names_the_user_who_sees_it()
    {
        _host.Slack.ThenJson("""{"ok":true,"message_ts":"1502210682.580145"}""");

        var result = await _host.Client.ChatPostEphemeralAsync("C1", "U0G9QF9C6", new Message("Only you"), TestContext.Current.CancellationToken);

        var request = Assert.Single(_host.Slack.Requests);
        Assert.Equal("chat.postEphemeral", request.SlackMethod);
        Assert.Equal("U0G9QF9C6", (string?)request.JsonBody["user"]);
        Assert.Equal("1502210682.580145", result.MessageTs);
    }

    [Fact]
    public async Task Views_open_writes_the_trigger_id_and_the_whole_modal_view()
    {
        _host.Slack.ThenJson(ViewOk);
        var view = new ModalView(new PlainText("Edit")) { Blocks = [new SectionBlock { Text = new MarkdownText("Pick a signal") }], CallbackId = "workflow_edit", PrivateMetadata = "wf-1" };

        var result = await _host.Client.ViewsOpenAsync("12345.98765.abcd2358fdea", view, TestContext.Current.CancellationToken);

        var request = Assert.Single(_host.Slack.Requests);
        Assert.Equal("views.open", request.SlackMethod);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("12345.98765.abcd2358fdea", (string?)request.JsonBody["trigger_id"]);
        var sent = request.JsonBody["view"]!.AsObject();
        Assert.Equal("modal", (string?)sent["type"]);
        Assert.Equal("Edit", (string?)sent["title"]!["text"]);
        Assert.Equal("workflow_edit", (string?)sent["callback_id"]);
        Assert.Equal("wf-1", (string?)sent["private_metadata"]);
        Assert.False(sent.ContainsKey("external_id"));
        Assert.Equal("Pick a signal", (string?)sent["blocks"]![0]!["text"]!["text"]);
        Assert.Equal("section", (string?)sent["blocks"]![0]!["type"]);
        Assert.Equal("VMHU10V25", result.View.Id);
        Assert.Equal("156772938.1827394", result.View.Hash);
        Assert.Equal("modal", result.View.Type);
    }

    [Fact]
    public async Task Views_update_targets_the_view_id_or_the_external_id_with_the_hash()
    {
        _host.Slack.ThenJson(ViewOk).ThenJson(ViewOk);
        var view = new ModalView(new PlainText("Edit")) { Blocks = [] };

        await _host.Client.ViewsUpdateAsync("VMHU10V25", view, "156772938.1827394", TestContext.Current.CancellationToken);
        await _host.Client.ViewsUpdateByExternalIdAsync("workflow-7", view, cancellationToken: TestContext.Current.CancellationToken);

        var byId = _host.Slack.Requests[0].JsonBody;
        Assert.Equal("VMHU10V25", (string?)byId["view_id"]);
        Assert.Equal("156772938.1827394", (string?)byId["hash"]);
        Assert.False(byId.ContainsKey("external_id"));
        var byExternalId = _host.Slack.Requests[1].JsonBody;
        Assert.Equal("workflow-7", (string?)byExternalId["external_id"]);
        Assert.False(byExternalId.ContainsKey("view_id"));
        Assert.False(byExternalId.ContainsKey("hash"));
    }

    [Fact]
    public async Task Views_push_and_publish_carry_their_target()
    {
        _host.Slack.ThenJson(ViewOk).ThenJson(ViewOk);
        var view = new ModalView(new PlainText("Home")) { Blocks = [] };

        await _host.Client.ViewsPushAsync("trigger-2", view, TestContext.Current.CancellationToken);
        await _host.Client.ViewsPublishAsync("U061F7AUR", view, "h-1", TestContext.Current.CancellationToken);

        Assert.Equal("views.push", _host.Slack.Requests[0].SlackMethod);
        Assert.Equal("trigger-2", (string?)_host.Slack.Requests[0].JsonBody["trigger_id"]);
        Assert.Equal("views.publish", _host.Slack.Requests[1].SlackMethod);
        Assert.Equal("U061F7AUR", (string?)_host.Slack.Requests[1].JsonBody["user_id"]);
        Assert.Equal("h-1", (string?)_host.Slack.Requests[1].JsonBody["hash"]);
    }

    [Fact]
    public async Task Read_methods_are_form_encoded_with_the_bearer_token()
    {
        _host.Slack.ThenJson(UserOk).ThenJson(UserOk).ThenJson(ChannelOk).ThenJson(ChannelOk);
        var ct = TestContext.Current.CancellationToken;

        var byEmail = await _host.Client.UsersLookupByEmailAsync("spengler@ghostbusters.example.com", ct);
        await _host.Client.UsersInfoAsync("W012A3CDE", ct);
        var info = await _host.Client.ConversationsInfoAsync("C012AB3CD", ct);
        await _host.Client.ConversationsOpenAsync(["U1", "U2"], ct);

        var requests = _host.Slack.Requests;
        Assert.All(requests, r =>
        {
            Assert.Equal("application/x-www-form-urlencoded", r.ContentType);
            Assert.Equal($"Bearer {SlackTestHost.BotToken}", r.Authorization);
            Assert.Equal(HttpMethod.Post, r.Method);
        });
        Assert.Equal(["users.lookupByEmail", "users.info", "conversations.info", "conversations.open"], requests.Select(r => r.SlackMethod));
        Assert.Equal("spengler@ghostbusters.example.com", requests[0].Form["email"]);
        Assert.Equal("W012A3CDE", requests[1].Form["user"]);
        Assert.Equal("C012AB3CD", requests[2].Form["channel"]);
        Assert.Equal("U1,U2", requests[3].Form["users"]);
        Assert.Equal("spengler@ghostbusters.example.com", byEmail.User.Profile?.Email);
        Assert.True(byEmail.User.IsAdmin);
        Assert.Equal("America/Los_Angeles", byEmail.User.Tz);
        Assert.True(info.Channel.IsMember);
    }

    [Fact]
    public async Task Auth_test_reads_who_the_token_belongs_to()
    {
        _host.Slack.ThenJson("""{"ok":true,"url":"https://subarachnoid.slack.com/","team":"Subarachnoid Workspace","user":"bot","team_id":"T12345678","user_id":"W12345678","bot_id":"B12345678","enterprise_id":"E1","is_enterprise_install":false}""");

        var result = await _host.Client.AuthTestAsync(TestContext.Current.CancellationToken);

        Assert.Equal("auth.test", Assert.Single(_host.Slack.Requests).SlackMethod);
        Assert.Equal("T12345678", result.TeamId);
        Assert.Equal("B12345678", result.BotId);
        Assert.Equal("W12345678", result.UserId);
        Assert.Equal("E1", result.EnterpriseId);
        Assert.Equal("https://subarachnoid.slack.com/", result.Url);
    }

    [Fact]
    public async Task Conversations_list_all_follows_next_cursor_until_it_is_empty()
    {
        _host.Slack
            .ThenJson("""{"ok":true,"channels":[{"id":"C1","name":"general","is_private":false}],"response_metadata":{"next_cursor":"dGVhbTpDMDYxRkE1UEI="}}""")
            .ThenJson("""{"ok":true,"channels":[{"id":"C2","name":"deals","is_private":true,"is_member":true}],"response_metadata":{"next_cursor":"dGVhbTpDMDYxRkE1UEM="}}""")
            .ThenJson("""{"ok":true,"channels":[{"id":"C3","name":"random"}],"response_metadata":{"next_cursor":""}}""");
        var query = new ConversationsListQuery { Types = ["public_channel", "private_channel"], Limit = 100 };

        var channels = new List<Conversation>();
        await foreach (var channel in _host.Client.ConversationsListAllAsync(query, TestContext.Current.CancellationToken))
        {
            channels.Add(channel);
        }

        Assert.Equal(["C1", "C2", "C3"], channels.Select(c => c.Id));
        Assert.True(channels[1].IsPrivate);
        var requests = _host.Slack.Requests;
        Assert.Equal(3, requests.Count);
        Assert.False(requests[0].Form.ContainsKey("cursor"));
        Assert.Equal("dGVhbTpDMDYxRkE1UEI=", requests[1].Form["cursor"]);
        Assert.Equal("dGVhbTpDMDYxRkE1UEM=", requests[2].Form["cursor"]);
        Assert.All(requests, r =>
        {
            Assert.Equal("public_channel,private_channel", r.Form["types"]);
            Assert.Equal("true", r.Form["exclude_archived"]);
            Assert.Equal("100", r.Form["limit"]);
        });
    }

    [Fact]
    public async Task Conversations_list_stops_when_response_metadata_is_absent()
    {
        _host.Slack.ThenJson("""{"ok":true,"channels":[{"id":"C1"}]}""");

        var ids = new List<string>();
        await foreach (var channel in _host.Client.ConversationsListAllAsync(new ConversationsListQuery(), TestContext.Current.CancellationToken))
        {
            ids.Add(channel.Id);
        }

        Assert.Equal(["C1"], ids);
        Assert.Single(_host.Slack.Requests);
    }

    [Fact]
    public async Task Base_url_without_trailing_slash_still_addresses_the_method()
    {
        using var host = new SlackTestHost(services => services.PostConfigure<SlackApp.Slack.Hosting.SlackOptions>(o => o.ApiBaseUrl = "http://localhost:5080/sandbox/api"));
        host.Slack.ThenJson("""{"ok":true}""");

        await host.Client.AuthTestAsync(TestContext.Current.CancellationToken);

        Assert.Equal("http://localhost:5080/sandbox/api/auth.test", Assert.Single(host.Slack.Requests).Uri.ToString());
    }

    [Fact]
    public void Factory_refuses_an_empty_token()
    {
        var factory = _host.Get<ISlackApiClientFactory>();

        Assert.Throws<ArgumentException>(() => factory.ForToken(" "));
    }
}
