using System.Net;
using System.Text.Json.Nodes;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Workflows;

namespace SlackApp.Tests.Hosting;

/// <summary>The product's one Slack endpoint, <c>POST /slack/events</c>, as Slack reaches it.</summary>
public sealed class SlackIngressTests : IDisposable
{
    private readonly SlackAppFactory _app = new();
    private readonly HttpClient _slack;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public SlackIngressTests() => _slack = _app.CreateClient();

    [Fact]
    public async Task Signed_usergems_help_is_answered_with_usage()
    {
        var response = await _slack.SendAsync(SlackRequests.SlashCommand("help"), _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains("/usergems workflow create", body, StringComparison.Ordinal);
        Assert.Contains("\"response_type\":\"ephemeral\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task Usergems_help_is_answered_with_usage_over_either_transport(SlackTransport transport)
    {
        using var app = new WorkflowApp(transport: transport);

        var ack = await app.SendAsync(SlackRequests.SlashCommand("help"));

        Assert.Contains("/usergems workflow create", ack, StringComparison.Ordinal);
        Assert.Contains("\"response_type\":\"ephemeral\"", ack, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SlackTransport.Http)]
    [InlineData(SlackTransport.SocketMode)]
    public async Task An_event_slack_delivers_again_runs_once(SlackTransport transport)
    {
        using var app = new WorkflowApp(transport: transport);

        var opened = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U0BOB", ["channel"] = "D0HOMEU0BOB", ["tab"] = "home" };

        await app.SendAsync(SlackRequests.Event(opened.DeepClone().AsObject(), eventId: "Ev0AGAIN01"));
        await app.SendAsync(SlackRequests.Event(opened.DeepClone().AsObject(), eventId: "Ev0AGAIN01", retryNum: 1));
        await app.SendAsync(SlackRequests.Event(opened.DeepClone().AsObject(), eventId: "Ev0AGAIN01", retryNum: 2));

        Assert.Single(app.Slack.CallsTo("views.publish"));
        Assert.Empty(app.Slack.Violations);
    }

    [Fact]
    public void In_socket_mode_the_app_starts_connected_with_its_app_token()
    {
        using var app = new SlackAppFactory(transport: SlackTransport.SocketMode);
        using var client = app.CreateSlackClient();

        var status = app.Service<SlackApp.Slack.SocketMode.ISocketModeStatus>();
        Assert.True(status.IsOpen);
        Assert.Equal(FakeSlack.AppToken, Assert.Single(app.Slack.CallsTo("apps.connections.open")).Token);
    }

    [Fact]
    public async Task Unsigned_request_is_refused_with_a_reason()
    {
        var request = SlackRequests.SlashCommand("help");
        request.Headers.Remove("X-Slack-Signature");

        var response = await _slack.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Slack-Signature", await response.Content.ReadAsStringAsync(_ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_signing_secret_every_slack_request_is_refused()
    {
        using var app = new SlackAppFactory(withSlackCredentials: false);
        using var slack = app.CreateClient();

        var response = await slack.SendAsync(SlackRequests.SlashCommand("help"), _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signing secret", await response.Content.ReadAsStringAsync(_ct), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _slack.Dispose();
        _app.Dispose();
    }
}
