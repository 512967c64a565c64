using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.Installations;

/// <summary>
/// An org-wide (Enterprise Grid) install over HTTP: the OAuth redirect links the workspaces Slack lists, Slack's
/// requests link the ones it did not, and the org's uninstall and its admins' grants reach every workspace.
/// </summary>
public sealed partial class OrgWideInstallFlowTests : IDisposable
{
    private const string Org = "E0ORG";
    private const string OrgToken = "xoxb-17653672481-19874698323-ORGwideORGwideORGwide0";
    private readonly SlackAppFactory _app = new();
    private readonly HttpClient _browser;
    private readonly HttpClient _slack;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public OrgWideInstallFlowTests()
    {
        _browser = _app.CreateClient(new() { AllowAutoRedirect = false });
        _slack = _app.CreateClient();
        _app.Slack.Tokens[OrgToken] = true;
        // oauth.v2.access for an org-wide install, as Slack's docs show it: no team, the enterprise, is_enterprise_install.
        _app.Slack.On("oauth.v2.access", _ => FakeSlackAnswer.Ok(JsonNode.Parse($$"""
            {
              "access_token": "{{OrgToken}}",
              "token_type": "bot",
              "scope": "commands,chat:write",
              "bot_user_id": "U0ORGBOT",
              "app_id": "A0KRD7HC3",
              "team": null,
              "enterprise": { "name": "Acme Grid", "id": "{{Org}}" },
              "is_enterprise_install": true,
              "authed_user": { "id": "W0ADMIN", "scope": "", "access_token": null, "token_type": null }
            }
            """)!.AsObject()));
        _app.Slack.On("auth.test", call => call.Token == OrgToken
            ? FakeSlackAnswer.Ok(new JsonObject { ["url"] = "https://acme-grid.enterprise.slack.com/", ["team"] = "Acme Grid", ["user"] = "usergems", ["team_id"] = Org, ["user_id"] = "U0ORGBOT", ["bot_id"] = "B0ORGBOT", ["enterprise_id"] = Org, ["is_enterprise_install"] = true })
            : null);
    }

    [Fact]
    public async Task Org_wide_install_links_every_workspace_slack_lists_each_with_its_own_secret()
    {
        ListTeams(
            ("""[{"name":"Sales","id":"T0SALES"},{"name":"Customer Success","id":"T0CS"}]""", "dGVhbTpUMENT"),
            ("""[{"name":"Marketing","id":"T0MKT"}]""", ""));

        var response = await InstallAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains("Acme Grid", page, StringComparison.Ordinal);
        Assert.Contains("Sales, Customer Success, Marketing", page, StringComparison.Ordinal);
        var listing = _app.Slack.CallsTo("auth.teams.list").ToList();
        Assert.All(listing, call => Assert.Equal(OrgToken, call.Token));
        Assert.Equal("dGVhbTpUMENT", listing[1].Field("cursor"));
        var secrets = new List<string?>();
        foreach (var team in new[] { "T0SALES", "T0CS", "T0MKT" })
        {
            Assert.Equal(OrgToken, (await _app.Service<IInstallationStore>().FindAsync(null, team, isEnterpriseInstall: false, _ct))?.BotToken);
            Assert.True(await _app.Service<InstallationStore>().IsInstalledAsync(new Workspace(team), _ct));
            secrets.Add(await _app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(new Workspace(team), _ct));
        }

        Assert.All(secrets, Assert.NotNull);
        Assert.Equal(3, secrets.Distinct().Count());
    }

    [Fact]
    public async Task When_slack_cannot_list_the_workspaces_the_install_completes_and_a_workspace_is_linked_on_its_first_request()
    {
        _app.Slack.On("auth.teams.list", _ => FakeSlackAnswer.Error("internal_error"));
        var response = await InstallAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await _app.Service<IInstallationStore>().FindAsync(null, "T0SALES", isEnterpriseInstall: false, _ct));

        await SendEventAsync(new JsonObject { ["type"] = "member_joined_channel", ["user"] = "W0NEW", ["channel"] = "C0GENERAL" }, teamId: "T0SALES");

        Assert.Equal(OrgToken, (await _app.Service<IInstallationStore>().FindAsync(null, "T0SALES", isEnterpriseInstall: false, _ct))?.BotToken);
        Assert.NotNull(await _app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(new Workspace("T0SALES"), _ct));
    }

    [Fact]
    public async Task Uninstalling_the_org_wide_app_stops_every_workspace_of_the_org()
    {
        ListTeams(("""[{"name":"Sales","id":"T0SALES"},{"name":"Customer Success","id":"T0CS"}]""", ""));
        await InstallAsync();

        await SendEventAsync(new JsonObject { ["type"] = "app_uninstalled" }, teamId: "T0SALES");

        foreach (var team in new[] { "T0SALES", "T0CS" })
        {
            Assert.Null(await _app.Service<IInstallationStore>().FindAsync(null, team, isEnterpriseInstall: false, _ct));
            var signal = await _app.CreateClient().PostAsync(new Uri($"/signals/{team}", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), _ct);
            Assert.Equal(HttpStatusCode.NotFound, signal.StatusCode);
        }
    }

    [Fact]
    public async Task Revoking_the_org_wide_bot_token_stops_every_workspace_of_the_org()
    {
        ListTeams(("""[{"name":"Sales","id":"T0SALES"},{"name":"Customer Success","id":"T0CS"}]""", ""));
        await InstallAsync();

        await SendEventAsync(new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["bot"] = new JsonArray("U0ORGBOT") } }, teamId: null);

        Assert.False(await _app.Service<InstallationStore>().IsInstalledAsync(new Workspace("T0SALES"), _ct));
        Assert.False(await _app.Service<InstallationStore>().IsInstalledAsync(new Workspace("T0CS"), _ct));
    }

    [Fact]
    public async Task Workspaces_the_org_admins_grant_later_are_linked_and_those_they_remove_are_not_served()
    {
        ListTeams(("""[{"name":"Sales","id":"T0SALES"}]""", ""));
        await InstallAsync();

        await SendEventAsync(new JsonObject { ["type"] = "team_access_granted", ["team_ids"] = new JsonArray("T0CS", "T0MKT") }, teamId: null, eventId: "Ev0GRANTED");
        await SendEventAsync(new JsonObject { ["type"] = "team_access_revoked", ["team_ids"] = new JsonArray("T0SALES") }, teamId: null, eventId: "Ev0REVOKED");

        Assert.True(await _app.Service<InstallationStore>().IsInstalledAsync(new Workspace("T0CS"), _ct));
        Assert.True(await _app.Service<InstallationStore>().IsInstalledAsync(new Workspace("T0MKT"), _ct));
        Assert.NotNull(await _app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(new Workspace("T0MKT"), _ct));
        Assert.False(await _app.Service<InstallationStore>().IsInstalledAsync(new Workspace("T0SALES"), _ct));
    }

    private void ListTeams(params (string Teams, string NextCursor)[] pages) =>
        _app.Slack.On("auth.teams.list", call =>
        {
            var index = call.Field("cursor") is { Length: > 0 } cursor ? Array.FindIndex(pages, p => p.NextCursor == cursor) + 1 : 0;
            return FakeSlackAnswer.Ok(new JsonObject
            {
                ["teams"] = JsonNode.Parse(pages[index].Teams),
                ["response_metadata"] = new JsonObject { ["next_cursor"] = pages[index].NextCursor },
            });
        });

    private async Task<HttpResponseMessage> InstallAsync()
    {
        var page = await _browser.GetStringAsync(new Uri("/slack/install", UriKind.Relative), _ct);
        var state = System.Web.HttpUtility.ParseQueryString(new Uri(WebUtility.HtmlDecode(AddToSlackLink().Match(page).Groups[1].Value)).Query)["state"]!;
        return await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=org-code&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);
    }

    /// <summary>An Events API delivery for the org-wide install, shaped as Slack sends it (authorization without a team).</summary>
    private async Task SendEventAsync(JsonObject @event, string? teamId, string eventId = "Ev0ORGWIDE")
    {
        var body = new JsonObject
        {
            ["token"] = "XXYYZZ",
            ["team_id"] = teamId,
            ["enterprise_id"] = Org,
            ["api_app_id"] = "A0KRD7HC3",
            ["event"] = @event,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1700000000,
            ["authorizations"] = new JsonArray(new JsonObject { ["enterprise_id"] = Org, ["team_id"] = null, ["user_id"] = "U0ORGBOT", ["is_bot"] = true, ["is_enterprise_install"] = true }),
            ["is_ext_shared_channel"] = false,
        };
        var response = await _slack.SendAsync(SlackRequests.SignedRequest(body.ToJsonString(), "application/json"), _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.Service<ISlackBackgroundWork>().WhenIdleAsync(_ct);
    }

    [GeneratedRegex("<a class=\"button\" href=\"([^\"]+)\">Add to Slack</a>")]
    private static partial Regex AddToSlackLink();

    public void Dispose()
    {
        _browser.Dispose();
        _slack.Dispose();
        _app.Dispose();
    }
}
