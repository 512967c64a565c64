using System.Diagnostics.Metrics;
using System.Net;
using SlackApp.Signals;
using SlackApp.Tests.Notifications;
using SlackApp.Tests.Operations;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Signals;

/// <summary>The intake's and matching's metrics, as a scraper would read them.</summary>
public sealed class SignalTelemetryTests
{
    [Fact]
    public async Task A_refused_request_counts_with_its_reason_and_stores_nothing_counted_as_accepted()
    {
        await using var app = new NotificationsApp(hostedDelivery: false, hostedMatching: false);
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());
        await app.InstallAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"), withSignature: false)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostSignalsAsync(SignalPayloads.NewHire("sig_2").With("person.full_name", null))).StatusCode);

        Assert.Equal(1, metrics.Sum("slackapp.signals.refused", "reason", "bad_signature"));
        Assert.Equal(1, metrics.Sum("slackapp.signals.refused", "reason", "invalid_signals"));
        Assert.Equal(0, metrics.Sum("slackapp.signals.accepted"));
    }

    [Fact]
    public async Task Repeated_ids_count_as_received_and_only_new_signals_as_accepted()
    {
        await using var app = new NotificationsApp(hostedDelivery: false, hostedMatching: false);
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());
        await app.InstallAsync();

        await app.PostSignalsAsync(SignalPayloads.Batch([SignalPayloads.NewHire("sig_1"), SignalPayloads.NewHire("sig_2")]));
        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));

        Assert.Equal(3, metrics.Sum("slackapp.signals.received"));
        Assert.Equal(2, metrics.Sum("slackapp.signals.accepted"));
        Assert.Empty(metrics.Of("slackapp.signals.refused"));
    }

    [Fact]
    public async Task Matching_records_each_signal_s_lag_from_its_receipt()
    {
        await using var app = new NotificationsApp(hostedDelivery: false, hostedMatching: false);
        using var metrics = new MetricCapture(app.Service<IMeterFactory>());
        await app.InstallAsync();
        await app.WorkflowAsync("Execs", new WorkflowRecipients { ChannelIds = ["C0DEALS"] });

        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_1"));
        app.Clock.Advance(TimeSpan.FromSeconds(7));
        await app.PostSignalsAsync(SignalPayloads.NewHire("sig_2"));
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        await app.Service<SignalMatchingWorker>().RunOnceAsync(NotificationsApp.Ct);

        Assert.Equal([3.0, 10.0], metrics.Of("slackapp.signals.matching.lag").Select(m => Math.Round(m.Value, 2)).Order());
    }
}
