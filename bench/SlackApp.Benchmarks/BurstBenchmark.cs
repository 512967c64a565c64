using System.Diagnostics;
using SlackApp.Workflows;

namespace SlackApp.Benchmarks;

/// <summary>
/// Issue 12's burst row: 1,000 new-hire signals (10 batches of 100) for a workflow that posts to one channel, at the
/// fake Slack that allows 1 message/s per channel (150 ms per post, 429 beyond). One message per signal would take
/// 1,000 s at that limit; coalescing folds the waiting items into digests. Goal: every signal in Slack within 60 s of
/// the first <c>POST</c>, in at most 50 messages, each signal once. The ratio is 1,000 s over the time taken.
/// </summary>
internal static class BurstBenchmark
{
    private const int Signals = 1000;
    private const int BatchSize = 100;
    private const string Channel = "C0BURST";
    private const double GoalSeconds = 60;
    private const int GoalMessages = 50;
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(180);

    // What Slack's channel limit allows for one message per signal: the reference the time is a ratio to.
    private static readonly double OnePerSignalSeconds = Signals / FakeSlackLimits.ChannelPerSecond;

    public static async Task RunAsync(BenchOptions options, FakeSlack slack, Report report)
    {
        Console.WriteLine($"== burst: {Signals:N0} signals -> one channel; fake Slack 150 ms/post, 1/s per channel (one message each would take {OnePerSignalSeconds:N0} s); cap {Cap.TotalSeconds:N0} s per run");
        var runs = new List<BurstRun>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var result = await RunOnceAsync(options, slack);
            runs.Add(result);
            Console.WriteLine($"   run {run}: {result.Describe()}; load {Machine.LoadNow()}");
        }

        var finished = runs.Where(r => r.Seconds is not null).ToList();
        var time = Spread.Of(finished.Select(r => r.Seconds!.Value));
        report.Add(
            $"burst: {Signals:N0} signals for one channel, first POST -> all in Slack",
            time is null ? $"did not finish in {Cap.TotalSeconds:N0} s" : time.Format("N1", " s") + $"; {Spread.Of(finished.Select(r => OnePerSignalSeconds / r.Seconds!.Value))!.Format("N0", "x")} faster than one message each at 1/s",
            $"<= {GoalSeconds:N0} s",
            finished.Count == runs.Count && time!.Max <= GoalSeconds);
        var messages = Spread.Of(runs.Select(r => (double)r.Messages))!;
        report.Add("burst: messages posted", messages.Format("N0"), $"<= {GoalMessages}", messages.Max <= GoalMessages);
        var lost = finished.Count == 0 ? (int?)null : finished.Max(r => r.Lost);
        var twice = runs.Max(r => r.SentTwice);
        report.Add("burst: 429s / lost / sent twice (worst run)", $"{runs.Max(r => r.TooManyRequests)} / {lost?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} / {twice}", "- / 0 / 0", lost == 0 && twice == 0);
    }

    private static async Task<BurstRun> RunOnceAsync(BenchOptions options, FakeSlack slack)
    {
        await using var app = await AppUnderTest.StartAsync(slack.ApiBase, options, new WorkflowRecipients { ChannelIds = [Channel] });
        var ledger = slack.BeginRun(Signals);
        var batches = Enumerable.Range(0, Signals / BatchSize).Select(b => SignedSignals.Batch(app.SignalSecret, b * BatchSize, BatchSize, "burst", "new_hire")).ToList();
        using var http = new HttpClient { BaseAddress = app.Process.BaseAddress };

        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            await SignedSignals.PostAsync(http, batch);
        }

        await Task.WhenAny(ledger.AllPosted.Task, Task.Delay(Cap - Stopwatch.GetElapsedTime(started)));
        var finished = ledger.AllPosted.Task.IsCompleted;
        var seconds = finished ? Stopwatch.GetElapsedTime(started, ledger.Tally().LastPostedAt).TotalSeconds : (double?)null;

        // A message posted twice shows up after the last first copy, if at all: a short wait lets one show.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var tally = ledger.Tally();
        return new BurstRun(seconds, ledger.Posted, tally.TooManyRequests, Signals - tally.Delivered, tally.SentTwice, slack.UnknownCalls);
    }

    /// <summary>One burst run: its time (null when it hit the cap), the messages it took, and what the fake Slack counted.</summary>
    private sealed record BurstRun(double? Seconds, int Messages, int TooManyRequests, int Lost, int SentTwice, int UnknownCalls)
    {
        public string Describe() =>
            (Seconds is { } s ? $"{s:N1} s ({OnePerSignalSeconds / s:N0}x one message each)" : $"did not finish in {Cap.TotalSeconds:N0} s")
            + $"; {Messages} messages; 429s {TooManyRequests}, lost {Lost}, sent twice {SentTwice}"
            + (UnknownCalls > 0 ? $"; {UnknownCalls} calls of methods the fake does not know" : string.Empty);
    }
}
