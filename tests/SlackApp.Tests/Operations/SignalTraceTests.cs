using System.Diagnostics;
using System.Net;
using SlackApp.Signals;
using SlackApp.Tests.Notifications;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Operations;

/// <summary>One trace follows a signal from <c>POST /signals</c> across the queue to each <c>chat.postMessage</c>.</summary>
public sealed class SignalTraceTests
{
    [Fact]
    public async Task A_signal_s_matching_and_its_chat_postMessage_continue_the_trace_of_the_request_that_brought_it()
    {
        using var spans = new ActivityCapture();
        await using var app = new NotificationsApp(hostedDelivery: false, settings: ("Signals:Matching:PollInterval", "1.00:00:00"));
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"], UserIds = ["U0BOSS"] });
        var signalId = "sig_trace_" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.Accepted, (await app.PostSignalsAsync(SignalPayloads.NewHire(signalId))).StatusCode);
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await app.DeliverAsync();

        var match = Assert.Single(spans.Stopped, a => a.OperationName == "signals.match" && (string?)a.GetTagItem("signal.id") == signalId);
        var trace = spans.InTrace(match.TraceId);
        var intake = Assert.Single(trace, a => a.OperationName == "signals.intake");
        Assert.Equal(intake.SpanId, match.ParentSpanId);
        var sends = trace.Where(a => a.OperationName == "notifications.send").ToList();
        Assert.Equal(2, sends.Count);
        Assert.All(sends, send => Assert.Equal(intake.SpanId, send.ParentSpanId));
        var posts = trace.Where(a => a.OperationName == "slack.api chat.postMessage").ToList();
        Assert.Equal(sends.Select(s => s.SpanId.ToHexString()).Order(), posts.Select(p => p.ParentSpanId.ToHexString()).Order());
        Assert.Equal(2, app.Posts().Count);
    }

    [Fact]
    public async Task Each_matching_batch_links_to_the_traces_of_the_signals_it_handled()
    {
        using var spans = new ActivityCapture();
        await using var app = new NotificationsApp(hostedDelivery: false, settings: ("Signals:Matching:PollInterval", "1.00:00:00"));
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });
        var first = "sig_a_" + Guid.NewGuid().ToString("N");
        var second = "sig_b_" + Guid.NewGuid().ToString("N");

        await app.PostSignalsAsync(SignalPayloads.NewHire(first));
        await app.PostSignalsAsync(SignalPayloads.NewHire(second));
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);

        var traces = new[] { first, second }
            .Select(id => Assert.Single(spans.Stopped, a => a.OperationName == "signals.match" && (string?)a.GetTagItem("signal.id") == id).TraceId)
            .ToList();
        Assert.NotEqual(traces[0], traces[1]);
        // The hosted worker, woken by the first request, may have matched it alone: one batch or two, each linked.
        foreach (var trace in traces)
        {
            var batch = Assert.Single(spans.Stopped, a => a.OperationName == "signals.match_batch" && a.Links.Any(l => l.Context.TraceId == trace));
            Assert.NotEqual(trace, batch.TraceId);
        }
    }
}
