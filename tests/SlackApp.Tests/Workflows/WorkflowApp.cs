using System.Text.Json.Nodes;
using SlackApp.Installations;
using SlackApp.Signals;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Workflows;

namespace SlackApp.Tests.Workflows;

/// <summary>
/// The whole app with Acme installed by U0ADMIN, plus U0CAROL (a Slack admin), U0MIA (a workflow manager) and
/// U0BOB (a member): sends Slack requests and waits for the work they start.
/// </summary>
internal sealed class WorkflowApp : IDisposable
{
    public static readonly Workspace Acme = new("T0ACME");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public WorkflowApp(Action<SlackAppFactory>? configure = null, SlackTransport transport = SlackTransport.Http)
    {
        Factory = new SlackAppFactory(transport: transport);
        configure?.Invoke(Factory);
        Http = Factory.CreateSlackClient();
        Slack.AddUser("U0ADMIN", "admin@acme.test");
        Slack.AddUser("U0CAROL", "carol@acme.test", isAdmin: true);
        Slack.AddUser("U0MIA", "mia@acme.test");
        Slack.AddUser("U0BOB", "bob@acme.test");
        Factory.Service<IInstallationStore>().SaveAsync(new Installation
        {
            TeamId = "T0ACME",
            TeamName = "Acme",
            BotUserId = "U0BOT",
            BotToken = FakeSlack.BotToken,
            InstallerUserId = "U0ADMIN",
            InstalledAt = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
        }, _ct).GetAwaiter().GetResult();
        Factory.Service<WorkspaceSettingsRepository>().SetManagersAsync(Acme, ["U0MIA"], "U0ADMIN", _ct).GetAwaiter().GetResult();
    }

    public SlackAppFactory Factory { get; }

    public FakeSlack Slack => Factory.Slack;

    public HttpClient Http { get; }

    public WorkflowRepository Workflows => Factory.Service<WorkflowRepository>();

    /// <summary>Sends a request, waits for the work it started after its ack, and returns the ack's body.</summary>
    public async Task<string> SendAsync(HttpRequestMessage request)
    {
        var response = await Http.SendAsync(request, _ct);
        var body = await response.Content.ReadAsStringAsync(_ct);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        await Factory.Service<ISlackBackgroundWork>().WhenIdleAsync(_ct);
        return body;
    }

    public Task<Workflow> SeedAsync(string name = "Execs at Closed Lost", bool enabled = true, Workspace? workspace = null) =>
        SeedAsync(Draft(name) with { Enabled = enabled }, workspace);

    public async Task<Workflow> SeedAsync(Workflow draft, Workspace? workspace = null)
    {
        var result = await Workflows.CreateAsync(workspace ?? Acme, draft, "U0ADMIN", _ct);
        return result.Workflow!;
    }

    public static Workflow Draft(string name) => new()
    {
        TeamId = "T0ACME",
        Name = name,
        SignalTypes = [SignalType.NewHire],
        Filters = new WorkflowFilters { MinimumSeniority = Seniority.Vp, AccountStatuses = [AccountStatus.ClosedLost] },
        Recipients = new WorkflowRecipients { Roles = [AccountRole.Owner] },
    };

    /// <summary>The body of every <c>response_url</c> post so far.</summary>
    public IReadOnlyList<JsonObject> Responses => Slack.CallsTo("response_url").Select(c => c.Body).ToList();

    /// <summary>The view of the last <paramref name="method"/> call (views.open, views.publish...).</summary>
    public JsonObject LastView(string method) => (JsonObject)Slack.CallsTo(method).Last().Body["view"]!;

    public void Dispose()
    {
        Http.Dispose();
        Factory.Dispose();
    }
}
