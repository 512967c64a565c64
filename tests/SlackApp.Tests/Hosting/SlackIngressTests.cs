using System.Net;
using SlackApp.Tests.Fakes;

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
