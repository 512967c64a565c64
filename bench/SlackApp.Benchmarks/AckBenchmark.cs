using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SlackApp.Slack.Signing;

namespace SlackApp.Benchmarks;

/// <summary>
/// How fast <c>POST /slack/events</c> acknowledges a signed slash command (<c>/usergems help</c>), in-process:
/// signature check, parsing, routing and the listener's ack. Slack allows 3 seconds.
/// </summary>
internal static class AckBenchmark
{
    private const int Warmup = 100;
    private const int Measured = 2000;

    public static async Task RunAsync()
    {
        using var app = new BenchmarkApp();
        using var http = app.CreateClient();

        for (var i = 0; i < Warmup; i++)
        {
            await SendAsync(http);
        }

        var latencies = new double[Measured];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Measured; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await SendAsync(http);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(latencies);
        Console.WriteLine();
        Console.WriteLine("Slash command ack: signed /usergems help, in-process host, one at a time");
        Console.WriteLine("-------------------------------------------------------------------------");
        Console.WriteLine($"{"Requests",-34} {Measured:N0} (after {Warmup} warm-up)");
        Console.WriteLine($"{"Acks / s",-34} {Measured / total.Elapsed.TotalSeconds:N0}");
        Console.WriteLine($"{"Ack latency, median",-34} {latencies[Measured / 2]:N3} ms");
        Console.WriteLine($"{"Ack latency, p99",-34} {latencies[(int)(Measured * 0.99) - 1]:N3} ms");
        Console.WriteLine($"{"Ack latency, max",-34} {latencies[^1]:N3} ms");
    }

    private static async Task SendAsync(HttpClient http)
    {
        const string Body = "token=x&team_id=T0BENCH&team_domain=bench&channel_id=C0BENCH&channel_name=general&user_id=U0BENCH&user_name=bench&command=%2Fusergems&text=help&api_app_id=A0BENCH&response_url=https%3A%2F%2Fhooks.slack.test%2Fcommands%2F1&trigger_id=1.2.3";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/slack/events", UriKind.Relative))
        {
            Content = new StringContent(Body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackHeaders.RequestTimestamp, timestamp);
        request.Headers.Add(SlackHeaders.Signature, SlackSignatureVerifier.ComputeSignature(BenchmarkApp.SigningSecret, timestamp, Encoding.UTF8.GetBytes(Body)));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/slack/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
