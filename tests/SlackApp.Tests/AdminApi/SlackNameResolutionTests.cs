using System.Net;
using System.Text.Json.Nodes;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.AdminApi;

public sealed class SlackNameResolutionTests : IDisposable
{
    private readonly AdminApiApp _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SlackNameResolutionTests()
    {
        // Two pages, the channel wanted on the second: the walk follows the cursor.
        _app.Slack.On("conversations.list", call => FakeSlackAnswer.Ok(call.Field("cursor") is "page2"
            ? new JsonObject { ["channels"] = new JsonArray(new JsonObject { ["id"] = "C0DEALS", ["name"] = "deals" }), ["response_metadata"] = new JsonObject { ["next_cursor"] = "" } }
            : new JsonObject { ["channels"] = new JsonArray(new JsonObject { ["id"] = "C0RANDOM", ["name"] = "random" }), ["response_metadata"] = new JsonObject { ["next_cursor"] = "page2" } }));
    }

    [Fact]
    public async Task Channels_given_by_name_and_people_by_email_are_stored_as_ids()
    {
        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", """
            {"name":"Execs","signalTypes":["new_hire"],"recipients":{"channels":["#deals","random"],"users":["BOB@acme.test","U0ADMIN"]},
             "delivery":{"escalateAfterHours":2,"escalateToChannel":"#deals"}}
            """);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await _app.Workflows.GetAsync(AdminApiApp.Acme, (long)(await _app.JsonAsync(response))["id"]!, _ct);
        Assert.Equal(["C0DEALS", "C0RANDOM"], saved!.Recipients.ChannelIds);
        Assert.Equal(["U0BOB", "U0ADMIN"], saved.Recipients.UserIds);
        Assert.Equal("C0DEALS", saved.Delivery.EscalateToChannelId);
        // One walk of the channel list for the whole request.
        Assert.Equal(2, _app.Slack.CallsTo("conversations.list").Count());
    }

    [Fact]
    public async Task Names_and_people_slack_does_not_know_are_field_errors()
    {
        var response = await _app.AcmeAsync(HttpMethod.Post, "/workflows", """
            {"name":"Execs","signalTypes":["new_hire"],"recipients":{"channels":["#deals","#nope"],"users":["ghost@acme.test","U0GHOST","Bob"]}}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await _app.JsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(["recipients.channels[1]", "recipients.users[0]", "recipients.users[1]", "recipients.users[2]"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("#nope", errors["recipients.channels[1]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
