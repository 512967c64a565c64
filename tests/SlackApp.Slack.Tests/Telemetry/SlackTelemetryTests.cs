using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Telemetry;
using SlackApp.Slack.Tests.Routing;
using SlackApp.Slack.Tests.SocketMode;
using SlackApp.Slack.Tests.WebApi;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.Telemetry;

/// <summary>The platform's own measurements: ack latency per request kind, Web API calls per method, 429s, and a span per request.</summary>
public sealed class SlackTelemetryTests
{
    private const string AckDuration = "slackapp.slack.ack.duration";

    [Fact]
    public async Task An_acked_slash_command_records_its_ack_latency_as_a_command()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            request.Ack("ok");
            return Task.CompletedTask;
        }));
        using var metrics = new SlackMetricCapture(app.Service<IMeterFactory>());

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand());
        await metrics.WaitForAsync(AckDuration);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("command", Assert.Single(metrics.TagsOf(AckDuration))["slack.request.kind"]);
    }

    [Fact]
    public async Task A_slash_command_over_socket_mode_records_its_ack_latency_as_a_command_too()
    {
        var (app, link) = await SocketModeTestApp.StartLiveAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            request.Ack("ok");
            return Task.CompletedTask;
        }));
        await using var _ = app;
        using var metrics = new SlackMetricCapture(app.Service<IMeterFactory>());

        await link.SendEnvelopeAsync("slash_commands", SocketPayloads.SlashCommand(), acceptsResponsePayload: true);
        await link.NextAckAsync();
        await metrics.WaitForAsync(AckDuration);

        Assert.Equal("command", Assert.Single(metrics.TagsOf(AckDuration))["slack.request.kind"]);
    }

    [Fact]
    public async Task An_event_records_its_ack_latency_as_an_event_and_a_refused_request_records_none()
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Event("app_home_opened", (_, _) =>
        {
            handled.TrySetResult();
            return Task.CompletedTask;
        }));
        using var metrics = new SlackMetricCapture(app.Service<IMeterFactory>());

        using var refused = await app.SendAsync(SlackTestApp.Unsigned(TestPayloads.SlashCommand(), "application/x-www-form-urlencoded"));
        using var response = await app.PostJsonAsync(TestPayloads.EventCallback("Ev1", TestPayloads.AppHomeOpened()));
        await metrics.WaitForAsync(AckDuration);
        await handled.Task.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("event", Assert.Single(metrics.TagsOf(AckDuration))["slack.request.kind"]);
    }

    [Fact]
    public async Task Each_request_runs_its_listener_in_a_span_naming_its_kind_and_team()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SlackTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string? team = null;
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            lock (spans)
            {
                spans.Add(Activity.Current!);
            }

            team = Activity.Current?.GetTagItem("slack.team_id") as string;
            request.Ack();
            return Task.CompletedTask;
        }));

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand(teamId: "T0SPAN"));

        var span = Assert.Single(spans);
        Assert.Equal("slack command", span.OperationName);
        Assert.Equal("T0SPAN", team);
    }

    [Fact]
    public async Task A_Web_API_call_records_its_duration_by_method_and_Slack_s_answer()
    {
        using var host = new SlackTestHost();
        using var metrics = new SlackMetricCapture(host.Get<IMeterFactory>());
        host.Slack.ThenJson("""{"ok":true,"channel":"C1","ts":"1.2"}""").ThenJson("""{"ok":false,"error":"channel_not_found"}""");

        await host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<SlackApiException>(() => host.Client.ChatPostMessageAsync("C2", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        var calls = metrics.TagsOf("slackapp.slack.api.duration");
        Assert.Equal(["channel_not_found", "ok"], calls.Select(t => (string)t["slack.outcome"]!).Order());
        Assert.All(calls, t => Assert.Equal("chat.postMessage", t["slack.method"]));
        Assert.Empty(metrics.TagsOf("slackapp.slack.api.rate_limited"));
    }

    [Fact]
    public async Task A_429_Slack_keeps_answering_counts_once_for_its_method()
    {
        using var host = new SlackTestHost(maxRetryAttempts: 0);
        using var metrics = new SlackMetricCapture(host.Get<IMeterFactory>());
        host.Slack.Then(_ =>
        {
            var response = FakeSlackHandler.Json("""{"ok":false,"error":"ratelimited"}""", HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        });

        await Assert.ThrowsAsync<SlackRateLimitedException>(() => host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("chat.postMessage", Assert.Single(metrics.TagsOf("slackapp.slack.api.rate_limited"))["slack.method"]);
        Assert.Equal("ratelimited", Assert.Single(metrics.TagsOf("slackapp.slack.api.duration"))["slack.outcome"]);
    }
}
