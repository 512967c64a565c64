using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Workflows;

namespace SlackApp.Benchmarks;

/// <summary>Signals in through <c>POST /signals</c>, notifications out at the fake Slack.</summary>
internal static class SignalBenchmark
{
    public static async Task<int> RunAsync()
    {
        // Signals accepted per second through POST /signals (batches of 100, SQLite), and the time from each batch's
        // 202 to its notifications reaching chat.postMessage at a fake Slack, for 1,000 signals.
        const int Batches = 10;
        const int BatchSize = 100;
        const string TeamId = "T0BENCH";
        var total = Batches * BatchSize;

        using var app = new BenchmarkApp();
        using var http = app.CreateClient();
        var workspace = new Workspace(TeamId);
        await app.Services.GetRequiredService<IInstallationStore>().SaveAsync(
            new Installation { TeamId = TeamId, BotUserId = "U0BOT", BotToken = "xoxb-bench", InstalledAt = DateTimeOffset.UtcNow }, CancellationToken.None);
        var secret = await app.Services.GetRequiredService<WorkspaceSettingsRepository>().EnsureSignalSecretAsync(workspace, CancellationToken.None);
        await app.Services.GetRequiredService<WorkflowRepository>().CreateAsync(workspace, new Workflow
        {
            TeamId = TeamId,
            Name = "Every new hire",
            SignalTypes = [SignalType.NewHire],
            Recipients = new WorkflowRecipients { ChannelIds = ["C0BENCH"] },
        }, "U0ADMIN", CancellationToken.None);

        // Warm-up (JIT, connection pool, first migration-time caches): one batch of job changes nobody listens to.
        await PostAsync(Batch(0, BatchSize, "warmup", "job_change"));

        // One signal at a time: the latency a single signal sees when nothing is queued ahead of it.
        const int Singles = 50;
        var single = new double[Singles];
        for (var i = 0; i < Singles; i++)
        {
            var number = 1_000_000 + i;
            var posted = app.Slack.WhenPostedAsync(number);
            var started = Stopwatch.GetTimestamp();
            await PostAsync(Batch(number, 1, "single", "new_hire"));
            await posted.WaitAsync(TimeSpan.FromSeconds(10));
            single[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(single);
        app.Slack.PostedAt.Clear();
        app.Slack.Expected = total;
        var acceptedAt = new long[total];
        var intake = Stopwatch.StartNew();
        for (var b = 0; b < Batches; b++)
        {
            await PostAsync(Batch(b * BatchSize, BatchSize, "sig", "new_hire"));
            var now = Stopwatch.GetTimestamp();
            Array.Fill(acceptedAt, now, b * BatchSize, BatchSize);
        }

        intake.Stop();
        var finished = await Task.WhenAny(app.Slack.AllPosted.Task, Task.Delay(TimeSpan.FromSeconds(50)));
        var delivered = app.Slack.PostedAt.Count;
        var latencies = app.Slack.PostedAt.Select(p => Stopwatch.GetElapsedTime(acceptedAt[p.Key], p.Value).TotalMilliseconds).Order().ToArray();

        Console.WriteLine();
        Console.WriteLine("SlackApp benchmark: SQLite, in-process host, fake Slack answering at once");
        Console.WriteLine("-------------------------------------------------------------------------");
        Console.WriteLine(Row("One signal alone: POST -> post, median", $"{Percentile(single, 0.50):N1} ms"));
        Console.WriteLine(Row("One signal alone: POST -> post, p99", $"{Percentile(single, 0.99):N1} ms"));
        Console.WriteLine(Row("Signals posted", $"{total:N0} in {Batches} batches of {BatchSize}"));
        Console.WriteLine(Row("Intake time", $"{intake.Elapsed.TotalMilliseconds:N0} ms"));
        Console.WriteLine(Row("Signals accepted / s", $"{total / intake.Elapsed.TotalSeconds:N0}"));
        Console.WriteLine(Row("Notifications posted", $"{delivered:N0} of {total:N0}{(finished == app.Slack.AllPosted.Task ? string.Empty : " (timed out)")}"));
        if (latencies.Length > 0)
        {
            Console.WriteLine(Row("202 -> chat.postMessage, median", $"{Percentile(latencies, 0.50):N0} ms"));
            Console.WriteLine(Row("202 -> chat.postMessage, p99", $"{Percentile(latencies, 0.99):N0} ms"));
            Console.WriteLine(Row("202 -> chat.postMessage, max", $"{latencies[^1]:N0} ms"));
        }

        return delivered == total ? 0 : 1;

        async Task PostAsync(JsonObject body)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/signals/{TeamId}", UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(SignalSignatureVerifier.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SignalSignatureVerifier.SignatureHeader, SignalSignatureVerifier.Sign(secret, timestamp, bytes));
            using var response = await http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"POST /signals answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        static JsonObject Batch(int first, int count, string prefix, string type) => new()
        {
            ["signals"] = new JsonArray([.. Enumerable.Range(first, count).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"{prefix}_{i}",
                ["type"] = type,
                ["occurred_at"] = "2026-11-20T15:04:05Z",
                ["person"] = new JsonObject { ["full_name"] = $"Person {i}", ["title"] = "VP of Sales", ["seniority"] = "vp" },
                ["account"] = new JsonObject { ["name"] = "Acme Corp", ["status"] = "closed_lost" },
            })]),
        };

        static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

        static string Row(string label, string value) => $"{label,-40} {value}";
    }
}
