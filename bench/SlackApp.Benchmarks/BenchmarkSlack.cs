using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SlackApp.Benchmarks;

/// <summary>Slack's Web API reduced to what the benchmark needs: <c>chat.postMessage</c> answered at once, each arrival timed.</summary>
internal sealed partial class BenchmarkSlack : HttpMessageHandler
{
    public const string ApiBaseUrl = "https://slack.bench/api/";

    private int _ts;

    /// <summary>When (Stopwatch timestamp) the notification of each signal number reached Slack.</summary>
    public ConcurrentDictionary<int, long> PostedAt { get; } = new();

    public TaskCompletionSource AllPosted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Expected { get; set; } = int.MaxValue;

    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();

    /// <summary>Completes when the notification of signal <paramref name="number"/> reaches Slack.</summary>
    public Task WhenPostedAsync(int number) => Waiter(number).Task;

    private TaskCompletionSource Waiter(int number) => _waiters.GetOrAdd(number, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = Stopwatch.GetTimestamp();
        var method = request.RequestUri!.AbsolutePath[(request.RequestUri.AbsolutePath.LastIndexOf('/') + 1)..];
        var body = request.Content is null ? new JsonObject() : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) as JsonObject ?? [];
        JsonObject answer;
        if (method == "chat.postMessage")
        {
            var text = body["text"]?.GetValue<string>() ?? string.Empty;
            if (PersonNumber().Match(text) is { Success: true } match)
            {
                var number = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (PostedAt.TryAdd(number, now) && PostedAt.Count >= Expected)
                {
                    AllPosted.TrySetResult();
                }

                Waiter(number).TrySetResult();
            }

            answer = new JsonObject { ["ok"] = true, ["channel"] = body["channel"]?.GetValue<string>(), ["ts"] = $"1700000000.{Interlocked.Increment(ref _ts):D6}" };
        }
        else
        {
            answer = new JsonObject { ["ok"] = false, ["error"] = "unknown_method" };
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    [GeneratedRegex(@"Person (\d+)")]
    private static partial Regex PersonNumber();
}
