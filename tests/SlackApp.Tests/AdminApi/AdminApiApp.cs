using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlackApp.ApiKeys;
using SlackApp.Audit;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;
using SlackApp.Workflows;

namespace SlackApp.Tests.AdminApi;

/// <summary>
/// The whole app with two workspaces installed, Acme (T0ACME) and Globex (T0GLOBEX), an admin API key for each, and
/// a fake clock; sends admin API requests.
/// </summary>
internal sealed class AdminApiApp : IDisposable
{
    public static readonly Workspace Acme = new("T0ACME");
    public static readonly Workspace Globex = new("T0GLOBEX");
    public const string GlobexToken = "xoxb-globex-bot-token";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public AdminApiApp(Action<SlackAppFactory>? configure = null)
    {
        Factory = new SlackAppFactory()
            .With("Slack:WebApi:MaxRetryAttempts", "0")
            .WithServices(s => s.AddSingleton<TimeProvider>(Clock));
        configure?.Invoke(Factory);
        Http = Factory.CreateClient();
        Slack.Tokens[GlobexToken] = true;
        Slack.AddUser("U0ADMIN", "admin@acme.test");
        Slack.AddUser("U0BOB", "bob@acme.test");
        Slack.AddChannel("C0DEALS");
        Install(Acme, FakeSlack.BotToken);
        Install(Globex, GlobexToken);
        AcmeKey = Keys.CreateAsync(Acme, "ci", "U0ADMIN", _ct).GetAwaiter().GetResult();
        GlobexKey = Keys.CreateAsync(Globex, "terraform", "U0GLOBEXADMIN", _ct).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));

    public SlackAppFactory Factory { get; }

    public FakeSlack Slack => Factory.Slack;

    public HttpClient Http { get; }

    public CreatedApiKey AcmeKey { get; }

    public CreatedApiKey GlobexKey { get; }

    public ApiKeyRepository Keys => Factory.Service<ApiKeyRepository>();

    public WorkflowRepository Workflows => Factory.Service<WorkflowRepository>();

    public static string Url(Workspace workspace, string path = "") => $"/api/v1/workspaces/{workspace.TeamId}{path}";

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? key, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Http.SendAsync(request, _ct);
    }

    /// <summary>Sends with Acme's key.</summary>
    public Task<HttpResponseMessage> AcmeAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null) =>
        SendAsync(method, Url(Acme, path), AcmeKey.Plaintext, json, ifMatch);

    public async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(_ct))!;

    public async Task<Workflow> SeedAsync(string name = "Execs at Closed Lost", Workspace? workspace = null)
    {
        var target = workspace ?? Acme;
        var result = await Workflows.CreateAsync(target, Draft(name) with { TeamId = target.TeamId }, "U0ADMIN", _ct);
        return result.Workflow!;
    }

    public static Workflow Draft(string name) => new()
    {
        TeamId = "T0ACME",
        Name = name,
        SignalTypes = [SignalType.NewHire],
        Filters = new WorkflowFilters { MinimumSeniority = Seniority.Vp, AccountStatuses = [AccountStatus.ClosedLost] },
        Recipients = new WorkflowRecipients { Roles = [AccountRole.Owner], ChannelIds = ["C0DEALS"] },
    };

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(Workspace workspace) =>
        (await Factory.Service<AuditLog>().ListPageAsync(workspace.TeamId, 0, 50, _ct)).Entries;

    private void Install(Workspace workspace, string token) =>
        Factory.Service<IInstallationStore>().SaveAsync(new Installation
        {
            TeamId = workspace.TeamId,
            TeamName = workspace.TeamId,
            BotUserId = "U0BOT",
            BotToken = token,
            InstallerUserId = "U0ADMIN",
            InstalledAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
        }, _ct).GetAwaiter().GetResult();

    public void Dispose()
    {
        Http.Dispose();
        Factory.Dispose();
    }
}
