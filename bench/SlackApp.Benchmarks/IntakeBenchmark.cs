using System.Diagnostics;

namespace SlackApp.Benchmarks;

/// <summary>
/// Issue 11's intake row: signals accepted per second through <c>POST /signals/{team}</c>, 4 senders at once, batches
/// of 100 promotions (the workspace's only workflow wants new hires, so they match nothing), SQLite on a temp file,
/// the app in its own process. Each 202 says the batch is committed. In the same run the same senders post the same
/// bodies to the bare Kestrel reference, which parses each batch and commits it to the same SQLite table before its
/// 202 (<see cref="SqliteIntake"/>): what durable intake can do on this machine at this moment.
/// </summary>
internal static class IntakeBenchmark
{
    public const int Senders = 4;
    private const int BatchSize = 100;
    private const int WarmUpBatches = 20;
    private const double GoalPerSecond = 10_000;

    public static async Task RunAsync(BenchOptions options, FakeSlack slack, Report report)
    {
        var batches = options.IntakeSignals / BatchSize;
        Console.WriteLine($"== intake: {batches * BatchSize:N0} signals in batches of {BatchSize}, {Senders} senders, SQLite (after {WarmUpBatches * BatchSize:N0} to warm up)");
        var folder = Directory.CreateTempSubdirectory("slackapp-bench-intake-").FullName;
        await using var kestrel = await BareKestrel.StartAsync("{}", "application/json", Path.Combine(folder, "reference.db"));
        var app = new List<double>();
        var ceiling = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            await using var under = await AppUnderTest.StartAsync(slack.ApiBase, options);
            // Ids are new in every run: the reference keeps its database across runs, and a repeated id is a no-op.
            var warmUp = Make(under.SignalSecret, $"warm{run}", WarmUpBatches);
            var measured = Make(under.SignalSecret, $"run{run}", batches);
            using var http = Client(under.Process.BaseAddress);
            using var bare = Client(kestrel.BaseAddress);
            await SendAsync(bare, warmUp);
            await SendAsync(http, warmUp);

            // Alternate which goes first: a burst of other work on the machine should not always hit the same one.
            double appRate, bareRate;
            if (run % 2 == 1)
            {
                appRate = await SendAsync(http, measured);
                bareRate = await SendAsync(bare, measured);
            }
            else
            {
                bareRate = await SendAsync(bare, measured);
                appRate = await SendAsync(http, measured);
            }

            app.Add(appRate);
            ceiling.Add(bareRate);
            Console.WriteLine($"   run {run}: app {appRate,7:N0} signals/s; bare Kestrel + SQLite {bareRate,7:N0} signals/s ({appRate / bareRate:N2}x); load {Machine.LoadNow()}");
        }

        var rate = Spread.Of(app)!;
        report.Add($"intake: signals/s, batches of {BatchSize}, {Senders} senders, SQLite", rate.Format("N0"), $">= {GoalPerSecond:N0}", rate.Median >= GoalPerSecond);
        var ratio = Spread.Of(app.Zip(ceiling, (a, b) => a / b))!;
        report.Add("intake: app / bare Kestrel + SQLite, same bodies", $"{ratio.Format("N2", "x")}; reference {Spread.Of(ceiling)!.Median:N0} signals/s", "(the reference; none)", null);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    private static List<SignedBatch> Make(string secret, string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(b => SignedSignals.Batch(secret, b * BatchSize, BatchSize, prefix, "promotion"))];

    private static HttpClient Client(Uri baseAddress) => new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = baseAddress };

    /// <summary>Posts every batch, <see cref="Senders"/> at a time, and returns signals accepted per second.</summary>
    private static async Task<double> SendAsync(HttpClient http, IReadOnlyList<SignedBatch> batches)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batches.Count)
            {
                await SignedSignals.PostAsync(http, batches[index]);
            }
        }));
        return batches.Sum(b => b.Count) / clock.Elapsed.TotalSeconds;
    }
}
