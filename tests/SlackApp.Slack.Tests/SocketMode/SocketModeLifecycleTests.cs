using System.Text.Json.Nodes;
using SlackApp.Slack.Routing;
using SlackApp.Slack.Tests.Routing;
using SlackApp.Slack.Tests.WebApi;

namespace SlackApp.Slack.Tests.SocketMode;

/// <summary>The Socket Mode connection's life cycle against an in-memory Slack, on a fake clock.</summary>
public sealed class SocketModeLifecycleTests
{
    // Timers that are not reconnection delays: the hello timeout, the Web API attempt timeout, the ack deadline.
    private static readonly TimeSpan[] OtherTimers = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(2500)];

    [Fact]
    public async Task Hello_marks_the_connection_live_after_apps_connections_open_with_the_app_token()
    {
        await using var app = SocketModeTestApp.Create(_ => { });
        var starting = app.StartAsync();
        var link = await app.Slack.NextLinkAsync();

        // The host starts once its first connection is live.
        Assert.False(app.Status.IsOpen);
        Assert.False(starting.IsCompleted);
        await link.SayHelloAsync();
        await starting;

        Assert.True(app.Status.IsOpen);
        Assert.Equal(app.Time.GetUtcNow(), app.Status.LastHelloAt);
        var open = Assert.Single(app.WebApi.Requests);
        Assert.Equal("apps.connections.open", open.SlackMethod);
        Assert.Equal("Bearer " + SocketModeTestApp.AppToken, open.Authorization);
        Assert.StartsWith("wss://wss-primary.slack.test/link/?ticket=1", Assert.Single(app.Slack.Urls).AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slash_command_is_acked_with_its_envelope_id_and_the_listeners_answer()
    {
        var (app, link) = await SocketModeTestApp.StartLiveAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            request.Ack("Working on it");
            return Task.CompletedTask;
        }));
        await using var _ = app;

        var envelopeId = await link.SendEnvelopeAsync("slash_commands", SocketPayloads.SlashCommand(), acceptsResponsePayload: true);

        AssertAck(await link.NextAckAsync(), envelopeId, """{"response_type":"ephemeral","text":"Working on it"}""");
    }

    [Fact]
    public async Task A_view_submission_is_answered_with_its_errors_in_the_ack_payload()
    {
        var (app, link) = await SocketModeTestApp.StartLiveAsync(slack => slack.View("workflow-modal", (request, _) =>
        {
            request.AckWithErrors(new Dictionary<string, string> { ["name"] = "A workflow needs a name" });
            return Task.CompletedTask;
        }));
        await using var _ = app;

        var envelopeId = await link.SendEnvelopeAsync("interactive", TestPayloads.ViewSubmission("workflow-modal"), acceptsResponsePayload: true);

        AssertAck(await link.NextAckAsync(), envelopeId, """{"response_action":"errors","errors":{"name":"A workflow needs a name"}}""");
    }

    [Fact]
    public async Task A_block_action_is_acked_without_a_payload_since_Slack_accepts_none()
    {
        var (app, link) = await SocketModeTestApp.StartLiveAsync(slack => slack.Action("approve", (request, _) =>
        {
            request.Ack();
            return Task.CompletedTask;
        }));
        await using var _ = app;

        var envelopeId = await link.SendEnvelopeAsync("interactive", TestPayloads.Button("approve"), acceptsResponsePayload: false);

        AssertAck(await link.NextAckAsync(), envelopeId, payload: null);
    }

    [Fact]
    public async Task An_event_is_acked_before_its_listener_runs()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (app, link) = await SocketModeTestApp.StartLiveAsync(slack => slack.Event("app_home_opened", async (_, _) =>
        {
            started.SetResult();
            await release.Task;
            finished.SetResult();
        }));
        await using var _ = app;

        var envelopeId = await link.SendEnvelopeAsync("events_api", TestPayloads.EventCallback("Ev01", TestPayloads.AppHomeOpened()), acceptsResponsePayload: false);

        AssertAck(await link.NextAckAsync(), envelopeId, payload: null);
        Assert.False(finished.Task.IsCompleted);
        release.SetResult();
        await finished.Task.Within();
    }

    [Fact]
    public async Task A_redelivered_envelope_runs_its_listener_once()
    {
        var runs = 0;
        var (app, link) = await SocketModeTestApp.StartLiveAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            Interlocked.Increment(ref runs);
            request.Ack("once");
            return Task.CompletedTask;
        }));
        await using var _ = app;

        var envelopeId = await link.SendEnvelopeAsync("slash_commands", SocketPayloads.SlashCommand(), acceptsResponsePayload: true);
        AssertAck(await link.NextAckAsync(), envelopeId, """{"response_type":"ephemeral","text":"once"}""");
        await link.SendEnvelopeAsync("slash_commands", SocketPayloads.SlashCommand(), acceptsResponsePayload: true, envelopeId, retryAttempt: 1);

        // The redelivery is acked too (Slack would go on sending it), but runs nothing.
        AssertAck(await link.NextAckAsync(), envelopeId, payload: null);
        await app.Service<ISlackBackgroundWork>().WhenIdleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task An_event_redelivered_in_a_new_envelope_runs_its_listener_once()
    {
        var runs = 0;
        var (app, link) = await SocketModeTestApp.StartLiveAsync(slack => slack.Event("app_home_opened", (_, _) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }));
        await using var _ = app;
        var body = TestPayloads.EventCallback("Ev0SAME", TestPayloads.AppHomeOpened());

        await link.SendEnvelopeAsync("events_api", body, acceptsResponsePayload: false);
        await link.NextAckAsync();
        await link.SendEnvelopeAsync("events_api", body, acceptsResponsePayload: false, retryAttempt: 1);
        await link.NextAckAsync();

        await app.Service<ISlackBackgroundWork>().WhenIdleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task An_envelope_refused_as_busy_is_not_acked_and_forgotten_so_that_its_redelivery_runs()
    {
        var deduplicator = new ForgettingDeduplicator();
        var (app, link) = await SocketModeTestApp.StartLiveAsync(slack => slack.Event("app_home_opened", (_, _) => Task.CompletedTask), deduplicator: deduplicator);
        await using var _ = app;
        // No handler run is accepted any more, as when the queue is full or the host is stopping.
        app.Service<SlackHandlerQueue>().Complete();

        var envelopeId = await link.SendEnvelopeAsync("events_api", TestPayloads.EventCallback("Ev0BUSY", TestPayloads.AppHomeOpened()), acceptsResponsePayload: false);

        // Forgetting the envelope is the handler's last step on this path: an ack would have been sent before it.
        await deduplicator.WhenForgottenAsync("envelope:" + envelopeId).Within();
        Assert.Contains("Ev0BUSY", deduplicator.Forgotten);
        Assert.False(link.HasUnreadAck);
    }

    [Fact]
    public async Task Refresh_keeps_the_old_connection_until_the_new_one_says_hello()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (app, old) = await SocketModeTestApp.StartLiveAsync(slack => slack
            .Command("/usergems", (request, _) =>
            {
                request.Ack("fast");
                return Task.CompletedTask;
            })
            .Action("slow", async (request, _) =>
            {
                slowStarted.SetResult();
                await release.Task;
                request.Ack();
            }));
        await using var _ = app;

        await old.DisconnectAsync("refresh_requested");
        var next = await app.Slack.NextLinkAsync();

        // Until the new connection says hello, the old one still serves, and is not closed.
        var beforeHello = await old.SendEnvelopeAsync("slash_commands", SocketPayloads.SlashCommand(), acceptsResponsePayload: true);
        AssertAck(await old.NextAckAsync(), beforeHello, """{"response_type":"ephemeral","text":"fast"}""");
        var inFlight = await old.SendEnvelopeAsync("interactive", TestPayloads.Button("slow"), acceptsResponsePayload: false);
        await slowStarted.Task.Within();
        Assert.False(old.ClosedByApp.IsCompleted);

        await app.SayHelloAsync(next);

        // The old connection is closed only once what it holds is acked on it.
        Assert.False(old.ClosedByApp.IsCompleted);
        release.SetResult();
        AssertAck(await old.NextAckAsync(), inFlight, payload: null);
        await old.ClosedByApp.Within();
        await app.WhenAsync(status => status.OpenConnections == 1);

        var afterSwitch = await next.SendEnvelopeAsync("slash_commands", SocketPayloads.SlashCommand(), acceptsResponsePayload: true);
        AssertAck(await next.NextAckAsync(), afterSwitch, """{"response_type":"ephemeral","text":"fast"}""");
        Assert.True(app.Status.IsOpen);
    }

    [Fact]
    public async Task A_dropped_socket_reconnects_after_growing_jittered_delays()
    {
        var (app, first) = await SocketModeTestApp.StartLiveAsync(_ => { }, jitter: new Queue<double>([0.0, 0.5, 1.0]));
        await using var _ = app;
        app.Slack.FailNext(2);

        first.Drop();

        // Base 1 s doubling per failure, then between half and all of it by the jitter: 0.5 s, 1.5 s, 4 s.
        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var delay = await app.Time.NextTimerAsync(OtherTimers);
            delays.Add(delay);
            app.Time.Advance(delay);
        }

        var second = await app.Slack.NextLinkAsync();
        await app.SayHelloAsync(second);
        Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4)], delays);
        Assert.Equal(4, app.Slack.Urls.Count);
        Assert.Equal(4, app.Slack.Urls.Distinct().Count());
        Assert.Equal(1, app.Status.OpenConnections);
    }

    [Fact]
    public async Task A_rate_limited_apps_connections_open_waits_for_retry_after()
    {
        var webApi = new FakeSlackHandler()
            .Then(_ => FakeSlackHandler.Json("""{"ok":true,"url":"wss://wss-primary.slack.test/link/?ticket=1"}"""))
            .Then(_ =>
            {
                var limited = FakeSlackHandler.Json("""{"ok":false,"error":"ratelimited"}""", System.Net.HttpStatusCode.TooManyRequests);
                limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
                return limited;
            });
        webApi.Fallback = _ => FakeSlackHandler.Json("""{"ok":true,"url":"wss://wss-primary.slack.test/link/?ticket=2"}""");
        await using var app = SocketModeTestApp.Create(_ => { }, webApi);
        var starting = app.StartAsync();
        var first = await app.Slack.NextLinkAsync();
        await first.SayHelloAsync();
        await starting;

        first.Drop();
        app.Time.Advance(await app.Time.NextTimerAsync(OtherTimers));

        Assert.Equal(TimeSpan.FromSeconds(7), await app.Time.NextTimerAsync(OtherTimers));
    }

    [Fact]
    public async Task Link_disabled_stops_reconnecting_and_reports_not_connected()
    {
        var (app, link) = await SocketModeTestApp.StartLiveAsync(_ => { });
        await using var _ = app;

        await link.DisconnectAsync("link_disabled");

        await app.WhenAsync(status => status.StoppedReason == "link_disabled" && !status.IsOpen);
        await link.ClosedByApp.Within();
        Assert.Single(app.Slack.Urls);
        Assert.Contains(app.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("link_disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_app_token_fails_start_with_a_message_naming_the_setting()
    {
        var webApi = new FakeSlackHandler { Fallback = _ => FakeSlackHandler.Json("""{"ok":false,"error":"invalid_auth"}""") };
        await using var app = SocketModeTestApp.Create(_ => { }, webApi);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(app.StartAsync);

        Assert.Contains("Slack:AppToken", failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_auth", failure.Message, StringComparison.Ordinal);
        Assert.Contains("connections:write", failure.Message, StringComparison.Ordinal);
        Assert.Single(webApi.Requests);
        Assert.Empty(app.Slack.Urls);
        Assert.Equal("invalid_auth", app.Status.StoppedReason);
    }

    private static void AssertAck(JsonObject ack, string envelopeId, string? payload)
    {
        Assert.Equal(envelopeId, (string?)ack["envelope_id"]);
        if (payload is null)
        {
            Assert.False(ack.ContainsKey("payload"), $"Expected no payload but got {ack.ToJsonString()}");
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(payload), ack["payload"]), $"Expected {payload} but got {ack["payload"]?.ToJsonString()}");
        }
    }

    /// <summary>The in-memory de-duplication, telling which ids were forgotten.</summary>
    private sealed class ForgettingDeduplicator : IEventDeduplicator
    {
        private readonly InMemoryEventDeduplicator _inner = new(TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new SlackRoutingOptions()));
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _forgotten = new();

        public IEnumerable<string> Forgotten => _forgotten.Where(f => f.Value.Task.IsCompleted).Select(f => f.Key);

        public Task WhenForgottenAsync(string id) => Signal(id).Task;

        public ValueTask<bool> TryRegisterAsync(string eventId, CancellationToken cancellationToken) => _inner.TryRegisterAsync(eventId, cancellationToken);

        public async ValueTask ForgetAsync(string eventId, CancellationToken cancellationToken)
        {
            await _inner.ForgetAsync(eventId, cancellationToken);
            Signal(eventId).TrySetResult();
        }

        private TaskCompletionSource Signal(string id) => _forgotten.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
