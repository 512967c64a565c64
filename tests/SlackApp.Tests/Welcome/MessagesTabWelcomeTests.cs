using System.Text.Json.Nodes;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Tests.Workflows;
using SlackApp.Welcome;

namespace SlackApp.Tests.Welcome;

/// <summary>The app's Messages tab: a person opening it for the first time is welcomed there, once.</summary>
public sealed class MessagesTabWelcomeTests : IDisposable
{
    private readonly WorkflowApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task Opening_the_messages_tab_the_first_time_posts_a_welcome_with_the_commands_and_a_link_to_the_home_tab(SlackTransport transport)
    {
        using var app = new WorkflowApp(transport: transport);
        await app.SendAsync(MessagesOpened("U0BOB"));

        var post = Assert.Single(app.Slack.CallsTo("chat.postMessage"));
        Assert.Equal("D0MSGU0BOB", post.Field("channel"));
        Assert.Equal(WelcomeMessage.Text, post.Field("text"));
        var blocks = post.Body["blocks"]!.AsArray();
        var texts = string.Join("\n", blocks.Select(b => (string?)b!["text"]?["text"]));
        Assert.Contains("`/usergems workflow create`", texts, StringComparison.Ordinal);
        Assert.Contains("`/usergems workflow help`", texts, StringComparison.Ordinal);
        var button = blocks.SelectMany(b => b!["elements"]?.AsArray() ?? []).Single(e => (string?)e!["action_id"] == WelcomeMessage.OpenHomeActionId)!;
        Assert.Equal("slack://app?team=T0ACME&id=A0KRD7HC3&tab=home", (string?)button["url"]);
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public async Task Opening_the_messages_tab_again_posts_nothing_more()
    {
        await _app.SendAsync(MessagesOpened("U0BOB"));
        await _app.SendAsync(MessagesOpened("U0BOB"));
        await _app.SendAsync(MessagesOpened("U0MIA"));

        Assert.Equal(["D0MSGU0BOB", "D0MSGU0MIA"], _app.Slack.CallsTo("chat.postMessage").Select(c => c.Field("channel")));
    }

    [Fact]
    public async Task The_welcome_is_remembered_in_the_database_across_a_restart()
    {
        await _app.SendAsync(MessagesOpened("U0BOB"));

        using var restarted = new SlackAppFactory(folder: _app.Factory.Folder);
        using var http = restarted.CreateClient();
        using var response = await http.SendAsync(MessagesOpened("U0BOB"), _ct);
        response.EnsureSuccessStatusCode();
        await restarted.Service<ISlackBackgroundWork>().WhenIdleAsync(_ct);

        Assert.Empty(restarted.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_welcome_slack_refused_is_tried_again_at_the_next_opening()
    {
        _app.Slack.On("chat.postMessage", _ => FakeSlackAnswer.Error("ratelimited"));
        await _app.SendAsync(MessagesOpened("U0BOB"));
        _app.Slack.On("chat.postMessage", _ => null);

        await _app.SendAsync(MessagesOpened("U0BOB"));

        Assert.Equal(2, _app.Slack.CallsTo("chat.postMessage").Count());
        Assert.False(await _app.Factory.Service<WelcomeRepository>().TryClaimAsync(WorkflowApp.Acme, "U0BOB", _ct));
    }

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task Opening_the_home_tab_still_publishes_the_home_tab_and_posts_no_welcome(SlackTransport transport)
    {
        using var app = new WorkflowApp(transport: transport);
        await app.SendAsync(WorkflowPayloads.HomeOpened("U0BOB"));

        Assert.Single(app.Slack.CallsTo("views.publish"));
        Assert.Empty(app.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Clicking_the_home_tab_link_is_acknowledged_with_an_empty_answer()
    {
        var ack = await _app.SendAsync(SlackRequests.Interaction(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0BOB", ["username"] = "bob", ["team_id"] = "T0ACME" },
            ["team"] = new JsonObject { ["id"] = "T0ACME", ["domain"] = "acme" },
            ["api_app_id"] = "A0KRD7HC3",
            ["trigger_id"] = "1.2.3",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = "D0MSGU0BOB", ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = "D0MSGU0BOB", ["name"] = "directmessage" },
            ["response_url"] = "https://hooks.slack.test/actions/1/2",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = WelcomeMessage.OpenHomeActionId,
                ["block_id"] = "welcome.links",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Open the Home tab" },
                ["url"] = "slack://app?team=T0ACME&id=A0KRD7HC3&tab=home",
                ["action_ts"] = "1700000001.000200",
            }),
        }));

        Assert.Equal(string.Empty, ack);
        Assert.Empty(_app.Slack.CallsTo("response_url"));
    }

    public void Dispose() => _app.Dispose();

    internal static HttpRequestMessage MessagesOpened(string userId) =>
        SlackRequests.Event(new JsonObject
        {
            ["type"] = "app_home_opened",
            ["user"] = userId,
            ["channel"] = "D0MSG" + userId,
            ["tab"] = "messages",
            ["event_ts"] = "1700000002.000300",
        }, eventId: "Ev" + Guid.NewGuid().ToString("N")[..10]);
}
