using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Tests.Hosting;
using SlackApp.Workflows;

namespace SlackApp.Tests.Signals;

public sealed class SignalIntakeHttpTests(SignalIntakeApp app) : IClassFixture<SignalIntakeApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    private static async Task<(int Accepted, int Duplicates)> AcceptedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return (body.GetProperty("accepted").GetInt32(), body.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task Signed_batch_is_stored_before_the_202_with_its_counts()
    {
        var secret = await app.InstallAsync("T0BATCH");
        var batch = SignalPayloads.Batch([SignalPayloads.NewHire("sig_1"), SignalPayloads.Minimal("sig_2").With("source_only", "kept")]);

        var response = await app.PostAsync("T0BATCH", secret, batch.Utf8());

        Assert.Equal((2, 0), await AcceptedAsync(response));
        var stored = await app.StoredAsync("T0BATCH");
        Assert.Equal(["sig_1", "sig_2"], stored.Select(s => s.SignalId));
        Assert.Equal(batch["signals"]![1]!.ToJsonString(), stored[1].RawJson);
    }

    [Fact]
    public async Task Concurrent_requests_with_overlapping_ids_are_each_answered_and_every_id_is_stored_once()
    {
        var secret = await app.InstallAsync("T0CONCURRENT");
        // Eight requests of 50 ids, each overlapping its neighbour by half: 225 distinct ids among 400 signals.
        var bodies = Enumerable.Range(0, 8).Select(r => SignalPayloads.Batch(Enumerable.Range(r * 25, 50).Select(i => SignalPayloads.Minimal($"sig_{i}"))).Utf8());

        var answers = await Task.WhenAll(bodies.Select(async body => await AcceptedAsync(await app.PostAsync("T0CONCURRENT", secret, body))));

        // Which request meets an id first depends on arrival; the totals do not, and each answer adds up to its own request.
        Assert.All(answers, a => Assert.Equal(50, a.Accepted + a.Duplicates));
        Assert.Equal(225, answers.Sum(a => a.Accepted));
        Assert.Equal(225, (await app.StoredAsync("T0CONCURRENT")).Count);
    }

    [Fact]
    public async Task Single_signal_object_is_accepted()
    {
        var secret = await app.InstallAsync("T0SINGLE");

        var response = await app.PostAsync("T0SINGLE", secret, SignalPayloads.NewHire("sig_only").Utf8());

        Assert.Equal((1, 0), await AcceptedAsync(response));
        Assert.Equal(SignalPayloads.NewHire("sig_only").ToJsonString(), Assert.Single(await app.StoredAsync("T0SINGLE")).RawJson);
    }

    [Fact]
    public async Task Repeated_ids_across_requests_and_within_a_batch_are_stored_once()
    {
        var secret = await app.InstallAsync("T0DUPES");

        var first = await app.PostAsync("T0DUPES", secret, SignalPayloads.Batch([SignalPayloads.Minimal("a"), SignalPayloads.Minimal("b"), SignalPayloads.Minimal("a")]).Utf8());
        var retry = await app.PostAsync("T0DUPES", secret, SignalPayloads.Batch([SignalPayloads.Minimal("b"), SignalPayloads.Minimal("c")]).Utf8());

        Assert.Equal((2, 1), await AcceptedAsync(first));
        Assert.Equal((1, 1), await AcceptedAsync(retry));
        Assert.Equal(["a", "b", "c"], (await app.StoredAsync("T0DUPES")).Select(s => s.SignalId));
    }

    [Fact]
    public async Task Same_batch_posted_concurrently_is_stored_once()
    {
        var secret = await app.InstallAsync("T0RACE");
        var body = SignalPayloads.Batch(50, "race_").Utf8();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.PostAsync("T0RACE", secret, body)));

        var counts = await Task.WhenAll(responses.Select(AcceptedAsync));
        Assert.Equal(50, counts.Sum(c => c.Accepted));
        Assert.Equal(250, counts.Sum(c => c.Duplicates));
        Assert.Equal(50, (await app.StoredAsync("T0RACE")).Count);
    }

    [Fact]
    public async Task Batch_with_a_bad_signal_is_refused_naming_each_field_and_stores_nothing()
    {
        var secret = await app.InstallAsync("T0BAD");
        var batch = SignalPayloads.Batch([
            SignalPayloads.Minimal("ok_1"),
            SignalPayloads.Minimal("bad").With("person.full_name", null).With("occurred_at", "2026-11-20T15:04:05"),
            SignalPayloads.Minimal("ok_2").With("account.salesforce_id", "123")]);

        var response = await app.PostAsync("T0BAD", secret, batch.Utf8());

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["signals[1].occurred_at", "signals[1].person.full_name", "signals[2].account.salesforce_id"], errors);
        Assert.Empty(await app.StoredAsync("T0BAD"));
    }

    [Fact]
    public async Task Lone_bad_signal_names_fields_without_an_index()
    {
        var secret = await app.InstallAsync("T0LONE");

        var response = await app.PostAsync("T0LONE", secret, SignalPayloads.NewHire().With("person.seniority", "boss").Utf8());

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["person.seniority"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var secret = await app.InstallAsync("T0JUNK");

        var response = await app.PostAsync("T0JUNK", secret, SignalIntakeApp.Utf8("""{"signals": [{"id": "sig_1",]"""));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty(await app.StoredAsync("T0JUNK"));
    }

    [Fact]
    public async Task Unsigned_request_is_refused_and_stores_nothing()
    {
        await app.InstallAsync("T0UNSIGNED");

        var response = await app.PostAsync("T0UNSIGNED", secret: null, SignalPayloads.NewHire().Utf8());

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await app.StoredAsync("T0UNSIGNED"));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task Stale_request_is_refused_and_stores_nothing(int secondsOff)
    {
        var team = secondsOff < 0 ? "T0OLD" : "T0FUTURE";
        var secret = await app.InstallAsync(team);

        var response = await app.PostAsync(team, secret, SignalPayloads.NewHire().Utf8(), app.Clock.GetUtcNow().ToUnixTimeSeconds() + secondsOff);

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await app.StoredAsync(team));
    }

    [Fact]
    public async Task Request_signed_with_another_workspaces_secret_is_refused()
    {
        await app.InstallAsync("T0VICTIM");
        var otherSecret = await app.InstallAsync("T0OTHER");

        var response = await app.PostAsync("T0VICTIM", otherSecret, SignalPayloads.NewHire().Utf8());

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(await app.StoredAsync("T0VICTIM"));
    }

    [Fact]
    public async Task Unknown_workspace_is_a_404()
    {
        var response = await app.PostAsync("T0NEVER", "any-secret", SignalPayloads.NewHire().Utf8());

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Uninstalled_workspace_is_a_404_even_with_a_good_signature()
    {
        var secret = await app.InstallAsync("T0GONE");
        await app.Services.GetRequiredService<InstallationStore>().DeleteAsync(null, "T0GONE", _ct);

        var response = await app.PostAsync("T0GONE", secret, SignalPayloads.NewHire().Utf8());

        await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Empty(await app.StoredAsync("T0GONE"));
    }

    [Fact]
    public async Task Body_over_one_mebibyte_is_a_413()
    {
        var secret = await app.InstallAsync("T0HUGE");
        var body = SignalPayloads.NewHire().With("padding", new string('x', 1024 * 1024)).Utf8();

        var response = await app.PostAsync("T0HUGE", secret, body);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await app.StoredAsync("T0HUGE"));
    }

    [Fact]
    public async Task More_than_500_signals_is_a_413()
    {
        var secret = await app.InstallAsync("T0MANY");

        var response = await app.PostAsync("T0MANY", secret, SignalPayloads.Batch(501).Utf8());

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await app.StoredAsync("T0MANY"));
    }

    [Fact]
    public async Task Exactly_500_signals_are_accepted()
    {
        var secret = await app.InstallAsync("T0FULL");

        var response = await app.PostAsync("T0FULL", secret, SignalPayloads.Batch(500).Utf8());

        Assert.Equal((500, 0), await AcceptedAsync(response));
        Assert.Equal(500, (await app.StoredAsync("T0FULL")).Count);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Body_that_is_not_json_is_a_415(string contentType)
    {
        var secret = await app.InstallAsync("T0TEXT");

        var response = await app.PostAsync("T0TEXT", secret, SignalPayloads.NewHire().Utf8(), contentType: contentType);

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await app.StoredAsync("T0TEXT"));
    }

    [Fact]
    public async Task Json_with_a_utf8_charset_is_accepted()
    {
        var secret = await app.InstallAsync("T0CHARSET");

        var response = await app.PostAsync("T0CHARSET", secret, SignalPayloads.NewHire().Utf8(), contentType: "application/json; charset=UTF-8");

        Assert.Equal((1, 0), await AcceptedAsync(response));
    }

    [Fact]
    public async Task Accepted_signal_is_matched_and_handed_on_without_waiting_for_a_poll()
    {
        var recorder = new AwaitingHandler();
        using var factory = new SlackAppFactory();
        using var custom = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISignalMatchHandler>(recorder)));
        using var client = custom.CreateClient();
        await custom.Services.GetRequiredService<InstallationStore>().SaveAsync(
            new Slack.OAuth.Installation { TeamId = "T0FLOW", BotUserId = "U0BOT", BotToken = "xoxb-1-2-abc" }, _ct);
        var secret = await custom.Services.GetRequiredService<WorkspaceSettingsRepository>().EnsureSignalSecretAsync(new Workspace("T0FLOW"), _ct);
        await custom.Services.GetRequiredService<WorkflowRepository>().CreateAsync(new Workspace("T0FLOW"), Workflows.WorkflowRepositoryTests.Draft() with
        {
            Filters = new WorkflowFilters { MinimumSeniority = Seniority.Director },
        }, "U0ADMIN", _ct);
        var body = SignalPayloads.NewHire("sig_flow").Utf8();
        using var request = SignalIntakeApp.Request("T0FLOW", body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        request.Headers.Add(SignalSignatureVerifier.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(SignalSignatureVerifier.SignatureHeader, SignalSignatureVerifier.Sign(secret, timestamp, body));

        var response = await client.SendAsync(request, _ct);
        var (workspace, signal, matches) = await recorder.Handed.Task.WaitAsync(TimeSpan.FromSeconds(20), _ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new Workspace("T0FLOW"), workspace);
        Assert.Equal("sig_flow", signal.Signal.Id);
        Assert.Equal("Execs at Closed Lost", Assert.Single(matches).Workflow.Name);
    }

    private sealed class AwaitingHandler : ISignalMatchHandler
    {
        public TaskCompletionSource<(Workspace, StoredSignal, IReadOnlyList<WorkflowMatch>)> Handed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task HandleAsync(Workspace workspace, StoredSignal signal, IReadOnlyList<WorkflowMatch> matches, CancellationToken ct)
        {
            Handed.TrySetResult((workspace, signal, matches));
            return Task.CompletedTask;
        }
    }
}
