using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SlackApp.Slack.Signing;

namespace SlackApp.Benchmarks;

/// <summary>
/// Issue 11's ack row: signed <c>/usergems help</c> slash commands under load (wrk, 64 connections, 2 threads) at the
/// app in its own process, beside the bare Kestrel reference (the limit) and bolt-js 4 (the peer) in the same run,
/// each target in turn and the order reversed every other run. Throughput and p99 are reported as ratios to
/// Kestrel's of the same run, since the machine's load moves them all.
/// </summary>
internal static class AckLoadBenchmark
{
    private const double GoalThroughputRatio = 0.5;
    private const double GoalP99Ratio = 2;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    private const string Form =
        "token=x&team_id=" + AppUnderTest.TeamId + "&team_domain=bench&channel_id=C0BENCH&channel_name=general&user_id=U0BENCH&user_name=bench"
        + "&command=%2Fusergems&text=help&api_app_id=A0BENCH&response_url=https%3A%2F%2Fhooks.slack.test%2Fcommands%2F1&trigger_id=1.2.3";

    public static async Task RunAsync(BenchOptions options, FakeSlack slack, Report report)
    {
        Console.WriteLine($"== acks: signed /usergems help, wrk -t{Wrk.Threads} -c{Wrk.Connections} -d{options.AckDuration.TotalSeconds:N0}s per target and run");
        if (!Wrk.IsInstalled())
        {
            Console.WriteLine("   wrk is not installed (bench/run installs it: apt-get install wrk); skipped");
            report.Add("acks: app's throughput / bare Kestrel's", "not run: wrk missing", $">= {GoalThroughputRatio}x", null);
            return;
        }

        await using var app = await AppUnderTest.StartAsync(slack.ApiBase, options);
        var (ackBody, contentType) = await CaptureAckAsync(app.Process.Name, app.Process.BaseAddress);
        Console.WriteLine($"   the app's ack ({contentType}, {ackBody.Length} bytes) is what the references answer");
        await using var kestrel = await BareKestrel.StartAsync(ackBody, contentType);
        var (bolt, boltProblem) = options.Bolt ? await BoltPeer.TryStartAsync(ackBody) : (null, "skipped (--no-bolt)");
        if (bolt is null)
        {
            Console.WriteLine($"   bolt-js: {boltProblem}");
        }

        try
        {
            var targets = new List<ChildProcess> { app.Process, kestrel };
            if (bolt is not null)
            {
                targets.Add(bolt);
            }

            foreach (var target in targets)
            {
                await CaptureAckAsync(target.Name, target.BaseAddress);
                await Wrk.RunAsync(Events(target), Script(), WarmUp);
            }

            var results = targets.ToDictionary(t => t, _ => new List<WrkResult>());
            for (var run = 1; run <= options.Runs; run++)
            {
                var order = run % 2 == 1 ? targets : Enumerable.Reverse(targets).ToList();
                foreach (var target in order)
                {
                    var result = await Wrk.RunAsync(Events(target), Script(), options.AckDuration);
                    results[target].Add(result);
                    Console.WriteLine($"   run {run}: {target.Name,-24} {result}; load {Machine.LoadNow()}");
                }
            }

            Summarize(report, results[app.Process], results[kestrel], bolt is null ? null : results[bolt], boltProblem);
        }
        finally
        {
            if (bolt is not null)
            {
                await bolt.DisposeAsync();
            }
        }
    }

    private static void Summarize(Report report, List<WrkResult> app, List<WrkResult> kestrel, List<WrkResult>? bolt, string? boltProblem)
    {
        // Failed requests (non-2xx, socket errors) void a ratio; the peer's own failures only show on its line.
        var clean = app.Concat(kestrel).All(r => r.Clean);
        var dirty = clean ? string.Empty : " (some requests failed: see above)";
        var throughput = Spread.Of(app.Zip(kestrel, (a, k) => a.RequestsPerSecond / k.RequestsPerSecond))!;
        report.Add(
            "acks: app's throughput / bare Kestrel's",
            $"{throughput.Format("N2", "x")}; app {Median(app, r => r.RequestsPerSecond):N0} req/s, Kestrel {Median(kestrel, r => r.RequestsPerSecond):N0}{dirty}",
            $">= {GoalThroughputRatio}x",
            clean && throughput.Median >= GoalThroughputRatio);

        var p99 = Spread.Of(app.Zip(kestrel, (a, k) => a.P99Milliseconds / k.P99Milliseconds))!;
        report.Add(
            "acks: app's p99 / bare Kestrel's",
            $"{p99.Format("N1", "x")}; app {Median(app, r => r.P99Milliseconds):N1} ms, Kestrel {Median(kestrel, r => r.P99Milliseconds):N1} ms{dirty}",
            $"<= {GoalP99Ratio}x",
            clean && p99.Median <= GoalP99Ratio);

        if (bolt is null)
        {
            report.Add("acks: app's throughput / bolt-js 4's", $"not run: {boltProblem}", "(the peer; none)", null);
            return;
        }

        var peer = Spread.Of(app.Zip(bolt, (a, b) => a.RequestsPerSecond / b.RequestsPerSecond))!;
        report.Add(
            "acks: app's throughput / bolt-js 4's",
            $"{peer.Format("N1", "x")}; bolt-js {Median(bolt, r => r.RequestsPerSecond):N0} req/s, p99 {Median(bolt, r => r.P99Milliseconds):N1} ms",
            "(the peer; none)",
            null);
    }

    private static double Median(List<WrkResult> results, Func<WrkResult, double> figure) => Spread.Of(results.Select(figure))!.Median;

    private static Uri Events(ChildProcess target) => new(target.BaseAddress, "slack/events");

    /// <summary>A wrk script with a fresh signature: Slack's timestamp is good for 5 minutes, longer than one wrk run.</summary>
    private static string Script()
    {
        var (timestamp, signature) = Sign();
        return Wrk.WriteScript(Form, new Dictionary<string, string>
        {
            ["Content-Type"] = "application/x-www-form-urlencoded",
            [SlackHeaders.RequestTimestamp] = timestamp,
            [SlackHeaders.Signature] = signature,
        });
    }

    private static (string Timestamp, string Signature) Sign()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, SlackSignatureVerifier.ComputeSignature(BenchmarkApp.SigningSecret, timestamp, Encoding.UTF8.GetBytes(Form)));
    }

    /// <summary>One signed request: the target must answer 200; its body and content type are returned.</summary>
    private static async Task<(string Body, string ContentType)> CaptureAckAsync(string name, Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var (timestamp, signature) = Sign();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("slack/events", UriKind.Relative))
        {
            Content = new StringContent(Form, Encoding.UTF8),
        };
        // Exactly as Slack sends it: bolt-js reads a form only when the type has no charset.
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackHeaders.RequestTimestamp, timestamp);
        request.Headers.Add(SlackHeaders.Signature, signature);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{name} ({baseAddress}) answered the help command {(int)response.StatusCode}: {body}");
        }

        return (body, response.Content.Headers.ContentType?.ToString() ?? "application/json");
    }
}
