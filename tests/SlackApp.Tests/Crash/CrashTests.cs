using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Tests.Signals;
using SlackApp.Workflows;

namespace SlackApp.Tests.Crash;

/// <summary>
/// Crash safety of the whole process: the built app runs as a child process on a SQLite file, against a fake Slack
/// over loopback, is killed with SIGKILL in the middle of a burst, and is started again on the same file. Slack has
/// no idempotency key, so the promise is: nothing lost, and only messages in flight at the kill may be sent twice.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const string TeamId = "T0ACME";
    // Several channels, so several messages are with Slack at once (each channel has one at a time).
    private static readonly string[] Channels = ["C0CRASH1", "C0CRASH2", "C0CRASH3"];

    // Signals per batch; the workflow sends one channel message per signal.
    private const int BatchSize = 30;

    // Messages Slack answers before it stops answering, so the kill finds some sent and some in flight.
    private const int AnsweredBeforeKill = 10;

    // A hang guard, not a timing assertion: a healthy run takes seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly string _folder = Directory.CreateTempSubdirectory("slackapp-crash-").FullName;
    private readonly ConcurrentQueue<string> _log = new();

    private string Database => Path.Combine(_folder, "slackapp.db");

    [Fact]
    public async Task A_kill_during_a_burst_loses_nothing_and_resends_at_most_what_was_in_flight()
    {
        // Linux and macOS: the graceful stop at the end is a SIGTERM.
        Assert.SkipWhen(OperatingSystem.IsWindows(), "The child app is stopped with kill -TERM.");
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Patience);
        var ct = guard.Token;
        var slack = new FakeSlack { TeamId = TeamId };
        var script = new CrashScript(slack, AnsweredBeforeKill, expectedDeliveries: 2 * BatchSize * Channels.Length);
        try
        {
            var secret = await SeedAsync(ct);
            await using var loopback = await LoopbackSlack.StartAsync(slack, ct);

            await using (var first = ChildApp.Start("first", Settings(loopback.ApiBaseUrl(1)), _log))
            {
                var app = await first.ListeningAsync(ct);
                Assert.Equal(BatchSize, await PostSignalsAsync(app, secret, Batch("a", ownerEmail: null), ct));
                await Until(script.FirstHeld, "a message held in flight", ct);

                // More of the burst arrives while a message is in flight: accepted (202, committed), but its signals
                // cannot be matched before the kill, since their owner lookups are held.
                Assert.Equal(BatchSize, await PostSignalsAsync(app, secret, Batch("b", ownerEmail: "ae@vendor.example"), ct));
                await first.KillAsync(ct);
            }

            script.Release();
            var atKill = await ReadAsync(ct);
            _log.Enqueue($"[test] at the kill: deliveries {string.Join(", ", atKill.Deliveries.OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Status}"))}");

            await using (var second = ChildApp.Start("second", Settings(loopback.ApiBaseUrl(2)), _log))
            {
                await second.ListeningAsync(ct);
                await Until(script.AllAnswered, "every notification answered by Slack after the restart", ct);

                // A graceful stop lets the app record Slack's last answers before the database is read.
                await Until(second.StopAsync(ct), "the restarted app to stop", ct);
            }

            var atEnd = await ReadAsync(ct);
            var posts = script.Posts;
            var inFlight = atKill.Deliveries.Where(d => d.Status == DeliveryStatus.Sending).Select(d => d.Id).ToHashSet();
            var held = posts.Where(p => p.Held).Select(p => p.DeliveryId).ToHashSet();

            // The kill came mid-delivery (messages in flight) and mid-burst (accepted signals not yet matched).
            Assert.NotEmpty(held);
            Assert.Subset(inFlight, held);
            Assert.Equal(BatchSize, atKill.Signals.Count(s => s.SignalId.StartsWith('b') && s.Status == SignalRepository.Pending));

            // Nothing lost: every signal matched, every notification sent.
            Assert.Equal(2 * BatchSize, atEnd.Signals.Count);
            Assert.All(atEnd.Signals, s => Assert.Equal(SignalRepository.Matched, s.Status));
            Assert.Equal(2 * BatchSize * Channels.Length, atEnd.Deliveries.Count);
            Assert.All(atEnd.Deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
            Assert.Equal(atEnd.Deliveries.Select(d => d.Id).Order(), posts.Select(p => p.DeliveryId).Distinct().Order());

            // Sent twice at most, and only what was in flight at the kill; what Slack never answered was sent again.
            var twice = posts.GroupBy(p => p.DeliveryId).Where(g => g.Count() > 1).ToList();
            Assert.All(twice, g => Assert.Equal(2, g.Count()));
            Assert.Subset(inFlight, twice.Select(g => g.Key).ToHashSet());
            Assert.All(held, id => Assert.Contains(posts, p => p.Run == 2 && p.DeliveryId == id));
            Assert.Empty(slack.Violations);
        }
        finally
        {
            Report(script);
        }
    }

    public void Dispose()
    {
        // The seeding app cleared its own pool when it was disposed; the test's reads are not pooled.
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    // Waits for the scenario's next event; when the hang guard gives up, says which never came.
    private static async Task Until(Task happened, string what, CancellationToken ct)
    {
        try
        {
            await happened.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Gave up after {Patience} waiting for {what}; the apps' output and Slack's calls are in the test output.");
        }
    }

    // The workspace, its signal secret and a workflow, written by the app's own code (in-process) to the file the
    // child will open; the key ring is shared, so the child reads the token this process encrypted.
    private async Task<string> SeedAsync(CancellationToken ct)
    {
        using var seed = new SlackAppFactory(folder: _folder);
        var acme = new Workspace(TeamId);
        await seed.Service<IInstallationStore>().SaveAsync(
            new Installation { TeamId = TeamId, BotUserId = "U0BOT", BotToken = FakeSlack.BotToken, InstallerUserId = "U0ADMIN", InstalledAt = DateTimeOffset.UtcNow }, ct);
        var secret = await seed.Service<WorkspaceSettingsRepository>().EnsureSignalSecretAsync(acme, ct);
        var saved = await seed.Service<WorkflowRepository>().CreateAsync(acme, new Workflow
        {
            TeamId = TeamId,
            Name = "Every signal to #crash",
            SignalTypes = [SignalType.JobChange],
            Recipients = new WorkflowRecipients { ChannelIds = Channels },
        }, "U0ADMIN", ct);
        Assert.NotNull(saved.Workflow);
        return secret;
    }

    // The child's whole configuration, as a deployment would set it.
    private Dictionary<string, string> Settings(Uri slackApi) => new()
    {
        ["Database:ConnectionString"] = $"Data Source={Database}",
        ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys"),
        ["Slack:ApiBaseUrl"] = slackApi.AbsoluteUri,
        ["Slack:SigningSecret"] = SlackAppFactory.SigningSecret,
        ["Sandbox:Enabled"] = "false",
        // The fake holds calls on purpose: a timeout would make the app retry a held message itself, which is
        // another way to post twice (an unknown outcome) than the crash this test is about.
        ["Slack:WebApi:AttemptTimeout"] = "00:05:00",
        ["Slack:WebApi:TotalTimeout"] = "00:10:00",
        // A burst, unpaced: Slack's pacing is not what this test is about.
        ["Notifications:ChannelMessagesPerSecond"] = "1000",
        ["Notifications:ChannelBurst"] = "1000",
        ["Notifications:WorkspaceMessagesPerSecond"] = "1000",
        ["Notifications:WorkspaceBurst"] = "1000",
        // What the killed process had claimed comes back when its lease runs out. Longer than a held message waits
        // before the kill (a message held past its lease could be claimed and posted again by the same process).
        ["Notifications:LeaseDuration"] = "00:00:05",
        ["Signals:Matching:LeaseDuration"] = "00:00:05",
    };

    // A person each: the same person again within the duplicate window would not be sent twice.
    private static JsonObject Batch(string prefix, string? ownerEmail) => SignalPayloads.Batch(
        Enumerable.Range(0, BatchSize).Select(i => SignalPayloads.Minimal($"{prefix}{i}").With("account.owner_email", ownerEmail).With("person.full_name", $"Person {prefix}{i}")));

    // As a signal source posts: signed with the workspace's secret. Returns how many signals were accepted.
    private static async Task<int> PostSignalsAsync(Uri app, string secret, JsonObject body, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = app };
        var bytes = body.Utf8();
        using var request = SignalIntakeApp.Request(TeamId, bytes);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        request.Headers.Add(SignalSignatureVerifier.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignalSignatureVerifier.SignatureHeader, SignalSignatureVerifier.Sign(secret, timestamp, bytes));
        using var response = await client.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"The signals were refused: {(int)response.StatusCode} {answer}");
        return JsonNode.Parse(answer)!["accepted"]!.GetValue<int>();
    }

    // Read straight from the file, without pooling: the next process must find it closed.
    private async Task<DatabaseState> ReadAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(ct);
        var deliveries = await connection.QueryAsync<(long, string)>(new CommandDefinition("SELECT id, status FROM notification_deliveries", cancellationToken: ct));
        var signals = await connection.QueryAsync<(string, string)>(new CommandDefinition("SELECT signal_id, status FROM signals", cancellationToken: ct));
        return new DatabaseState(
            [.. deliveries.Select(d => new DeliveryRow(d.Item1, d.Item2))],
            [.. signals.Select(s => new SignalRow(s.Item1, s.Item2))]);
    }

    // The children's output and what Slack saw, shown with a failure.
    private void Report(CrashScript script)
    {
        var output = TestContext.Current.TestOutputHelper;
        if (output is null)
        {
            return;
        }

        foreach (var line in _log)
        {
            output.WriteLine(line);
        }

        output.WriteLine("chat.postMessage calls (run, delivery id, held): " + string.Join(", ", script.Posts.Select(p => $"{p.Run}:{p.DeliveryId}{(p.Held ? "!" : string.Empty)}")));
    }

    private sealed record DatabaseState(IReadOnlyList<DeliveryRow> Deliveries, IReadOnlyList<SignalRow> Signals);

    private sealed record DeliveryRow(long Id, string Status);

    private sealed record SignalRow(string SignalId, string Status);
}
