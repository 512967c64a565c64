using System.Diagnostics;

namespace SlackApp.Benchmarks;

/// <summary>
/// Issue 11's delivery row: 1,000 new-hire signals (10 batches of 100) whose workflow DMs the account owner, 200
/// owners, at a fake Slack that takes 150 ms per message and refuses (429) beyond 1/s per channel and 50/s per
/// workspace. Measured from the first <c>POST</c> to the last message posted; Slack's limits allow no less than
/// max(1,000 / 50 s, 5 messages per owner × 1 s) = 20 s, so the rate achieved is 20 s / the time taken.
/// </summary>
internal static class DeliveryBenchmark
{
    private const int Signals = 1000;
    private const int BatchSize = 100;
    private const double GoalPercentOfAllowed = 90;
    private const double GoalMemoryMegabytes = 200;

    private static readonly double FloorSeconds = Math.Max(
        Signals / FakeSlackLimits.WorkspacePerSecond,
        Signals / FakeSlack.Owners / FakeSlackLimits.ChannelPerSecond);

    public static async Task RunAsync(BenchOptions options, FakeSlack slack, Report report)
    {
        Console.WriteLine($"== delivery: {Signals:N0} signals -> {Signals:N0} DMs to {FakeSlack.Owners} owners; fake Slack 150 ms/post, 1/s per channel, 50/s per workspace (floor {FloorSeconds:N0} s); cap {options.DeliveryCap.TotalSeconds:N0} s per run");
        var runs = new List<DeliveryRun>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var result = await RunOnceAsync(options, slack);
            runs.Add(result);
            Console.WriteLine($"   run {run}: {result.Describe(options.DeliveryCap)}; load {Machine.LoadNow()}");
        }

        var finished = runs.Where(r => r.Seconds is not null).ToList();
        var unfinished = runs.Count - finished.Count;
        var time = Spread.Of(finished.Select(r => r.Seconds!.Value));
        var timeFigure = time is null
            ? $"did not finish in {options.DeliveryCap.TotalSeconds:N0} s (delivered {runs.Max(r => r.Delivered):N0} of {Signals:N0})"
            : time.Format("N1", " s") + (unfinished > 0 ? $"; {unfinished} run(s) did not finish in {options.DeliveryCap.TotalSeconds:N0} s" : string.Empty);
        report.Add($"delivery: {Signals:N0} signals -> {Signals:N0} DMs, first POST -> last message", timeFigure, $"<= {FloorSeconds / (GoalPercentOfAllowed / 100):N0} s (floor {FloorSeconds:N0} s)", unfinished == 0 && time!.Median <= FloorSeconds / (GoalPercentOfAllowed / 100));

        var rate = Spread.Of(runs.Select(r => r.PercentOfAllowed(options.DeliveryCap)))!;
        report.Add("delivery: rate achieved, % of what Slack allows", rate.Format("N0", " %"), $">= {GoalPercentOfAllowed:N0} %", rate.Median >= GoalPercentOfAllowed);

        // A run cut off by the cap has messages still to come, not lost ones: only finished runs say what was lost.
        var tooMany = runs.Max(r => r.TooManyRequests);
        var lost = finished.Count == 0 ? (int?)null : finished.Max(r => r.Lost);
        var twice = runs.Max(r => r.SentTwice);
        report.Add("delivery: 429s / lost / sent twice (worst run)", $"{tooMany} / {lost?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} / {twice}", "0 / 0 / 0", tooMany == 0 && lost == 0 && twice == 0);

        var memory = Spread.Of(runs.Where(r => r.RssBytes > 0).Select(r => r.RssBytes / 1e6));
        var peak = runs.Max(r => r.PeakRssBytes) / 1e6;
        report.Add("delivery: app's memory (RSS) after the run", memory is null ? "not read" : $"{memory.Format("N0", " MB")}, peak {peak:N0} MB", $"< {GoalMemoryMegabytes:N0} MB", memory is null ? null : memory.Max < GoalMemoryMegabytes);
    }

    private static async Task<DeliveryRun> RunOnceAsync(BenchOptions options, FakeSlack slack)
    {
        await using var app = await AppUnderTest.StartAsync(slack.ApiBase, options);
        var ledger = slack.BeginRun(Signals);
        var batches = Enumerable.Range(0, Signals / BatchSize).Select(b => SignedSignals.Batch(app.SignalSecret, b * BatchSize, BatchSize, "hire", "new_hire")).ToList();
        using var http = new HttpClient { BaseAddress = app.Process.BaseAddress };

        var started = Stopwatch.GetTimestamp();
        foreach (var batch in batches)
        {
            await SignedSignals.PostAsync(http, batch);
        }

        var posted = Stopwatch.GetElapsedTime(started);
        var progress = TimeSpan.FromSeconds(30);
        while (!ledger.AllPosted.Task.IsCompleted && Stopwatch.GetElapsedTime(started) < options.DeliveryCap)
        {
            var left = options.DeliveryCap - Stopwatch.GetElapsedTime(started);
            await Task.WhenAny(ledger.AllPosted.Task, Task.Delay(left < progress ? left : progress));
            if (!ledger.AllPosted.Task.IsCompleted)
            {
                Console.WriteLine($"     {Stopwatch.GetElapsedTime(started).TotalSeconds,4:N0} s: {ledger.Tally().Delivered:N0} of {Signals:N0} delivered");
            }
        }

        var finished = ledger.AllPosted.Task.IsCompleted;
        var seconds = finished ? Stopwatch.GetElapsedTime(started, ledger.Tally().LastPostedAt).TotalSeconds : (double?)null;

        // A message posted twice shows up after the last first copy, if at all: a short wait lets one show.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var tally = ledger.Tally();
        var memory = app.Process.Memory();
        return new DeliveryRun(seconds, tally.Delivered, tally.TooManyRequests, Signals - tally.Delivered, tally.SentTwice, memory?.Rss ?? 0, memory?.Peak ?? 0, posted.TotalSeconds, slack.UnknownCalls);
    }

    /// <summary>One delivery run: its time (null when it hit the cap) and what the fake Slack counted.</summary>
    private sealed record DeliveryRun(double? Seconds, int Delivered, int TooManyRequests, int Lost, int SentTwice, long RssBytes, long PeakRssBytes, double IntakeSeconds, int UnknownCalls)
    {
        /// <summary>Messages per second achieved over those Slack allows (1,000 in 20 s); an unfinished run counts what it delivered by the cap.</summary>
        public double PercentOfAllowed(TimeSpan cap) => Seconds is { } s
            ? 100 * FloorSeconds / s
            : 100 * (Delivered / cap.TotalSeconds) / (Signals / FloorSeconds);

        public string Describe(TimeSpan cap) =>
            (Seconds is { } s ? $"{s:N1} s ({PercentOfAllowed(cap):N0} % of the allowed rate)" : $"did not finish in {cap.TotalSeconds:N0} s, {Delivered:N0} of {Signals:N0} delivered ({PercentOfAllowed(cap):N0} % of the allowed rate)")
            + $"; 429s {TooManyRequests}, lost {Lost}, sent twice {SentTwice}; intake {IntakeSeconds:N1} s; RSS {RssBytes / 1e6:N0} MB (peak {PeakRssBytes / 1e6:N0} MB)"
            + (UnknownCalls > 0 ? $"; {UnknownCalls} calls of methods the fake does not know" : string.Empty);
    }
}
