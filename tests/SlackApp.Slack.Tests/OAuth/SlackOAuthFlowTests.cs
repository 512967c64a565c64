using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Tests.WebApi;

namespace SlackApp.Slack.Tests.OAuth;

public sealed class SlackOAuthFlowTests : IDisposable
{
    // oauth.v2.access as documented, with token rotation on (access token prefixed xoxe., refresh_token and expires_in present).
    private const string AccessOk = """
        {
          "ok": true,
          "access_token": "xoxe.xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
          "token_type": "bot",
          "scope": "chat:write,commands,users:read.email",
          "bot_user_id": "U0KRQLJ9H",
          "app_id": "A0KRD7HC3",
          "team": { "id": "T9TK3CUKW", "name": "Slack Softball Team" },
          "enterprise": { "id": "E12345678", "name": "slack-sports" },
          "is_enterprise_install": false,
          "authed_user": { "id": "U1234", "scope": "chat:write", "access_token": "xoxp-1234", "token_type": "user" },
          "refresh_token": "xoxe-1-My0xLTE3NjUzNjcyNDgxLTE5ODc0Njk4MzIzLTE",
          "expires_in": 43200
        }
        """;

    private const string AuthTestOk = """{"ok":true,"url":"https://softball.slack.com/","team":"Slack Softball Team","user":"usergems","team_id":"T9TK3CUKW","user_id":"U0KRQLJ9H","bot_id":"B0KRQLJ9Z","is_enterprise_install":false}""";

    private readonly RecordingInstallationStore _store = new();
    private readonly SlackTestHost _host;

    public SlackOAuthFlowTests() => _host = OAuthTestHost.Create(_store);

    public void Dispose() => _host.Dispose();

    private SlackOAuthFlow Flow => _host.Get<SlackOAuthFlow>();

    [Fact]
    public async Task Completes_an_install_and_saves_every_field_of_the_installation()
    {
        _host.Slack.ThenJson(AccessOk).ThenJson(AuthTestOk);
        var state = StateOf(Flow.BeginInstall());

        var result = await Flow.CompleteAsync(new SlackOAuthCallback("1234.5678.abcd", state, null), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        var saved = Assert.Single(_store.Saved);
        Assert.Same(result.Installation, saved);
        Assert.Equal("E12345678", saved.EnterpriseId);
        Assert.Equal("slack-sports", saved.EnterpriseName);
        Assert.Equal("T9TK3CUKW", saved.TeamId);
        Assert.Equal("Slack Softball Team", saved.TeamName);
        Assert.False(saved.IsEnterpriseInstall);
        Assert.Equal("A0KRD7HC3", saved.AppId);
        Assert.Equal("U0KRQLJ9H", saved.BotUserId);
        Assert.Equal("B0KRQLJ9Z", saved.BotId);
        Assert.Equal("xoxe.xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", saved.BotToken);
        Assert.Equal(["chat:write", "commands", "users:read.email"], saved.BotScopes);
        Assert.Equal("xoxe-1-My0xLTE3NjUzNjcyNDgxLTE5ODc0Njk4MzIzLTE", saved.BotRefreshToken);
        Assert.Equal(_host.Time.GetUtcNow().AddHours(12), saved.BotTokenExpiresAt);
        Assert.Equal("U1234", saved.InstallerUserId);
        Assert.Equal(_host.Time.GetUtcNow(), saved.InstalledAt);
    }

    [Fact]
    public async Task Exchanges_the_code_form_encoded_with_client_credentials_and_redirect_uri()
    {
        _host.Slack.ThenJson(AccessOk).ThenJson(AuthTestOk);
        var state = StateOf(Flow.BeginInstall());

        await Flow.CompleteAsync(new SlackOAuthCallback("1234.5678.abcd", state, null), TestContext.Current.CancellationToken);

        var exchange = _host.Slack.Requests[0];
        Assert.Equal("https://slack.test/api/oauth.v2.access", exchange.Uri.ToString());
        Assert.Equal("application/x-www-form-urlencoded", exchange.ContentType);
        Assert.Null(exchange.Authorization);
        Assert.Equal("1111.2222", exchange.Form["client_id"]);
        Assert.Equal("client-SECRET-value", exchange.Form["client_secret"]);
        Assert.Equal("1234.5678.abcd", exchange.Form["code"]);
        Assert.Equal(OAuthTestHost.RedirectUri, exchange.Form["redirect_uri"]);
        var authTest = _host.Slack.Requests[1];
        Assert.Equal("auth.test", authTest.SlackMethod);
        Assert.Equal("Bearer xoxe.xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", authTest.Authorization);
    }

    [Fact]
    public async Task Access_denied_saves_nothing_and_calls_nothing()
    {
        var state = StateOf(Flow.BeginInstall());

        var result = await Flow.CompleteAsync(new SlackOAuthCallback(null, state, "access_denied"), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(SlackOAuthFailureKind.AccessDenied, result.Failure.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure.Reason));
        Assert.Empty(_store.Saved);
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public async Task A_reused_state_is_refused_and_the_install_is_saved_once()
    {
        _host.Slack.ThenJson(AccessOk).ThenJson(AuthTestOk);
        var state = StateOf(Flow.BeginInstall());
        await Flow.CompleteAsync(new SlackOAuthCallback("code-1", state, null), TestContext.Current.CancellationToken);

        var replay = await Flow.CompleteAsync(new SlackOAuthCallback("code-1", state, null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.ReusedState, replay.Failure?.Kind);
        Assert.Single(_store.Saved);
        Assert.Equal(2, _host.Slack.Requests.Count);
    }

    [Fact]
    public async Task An_expired_state_is_refused_before_the_code_is_exchanged()
    {
        var state = StateOf(Flow.BeginInstall());
        _host.Time.Advance(TimeSpan.FromMinutes(11));

        var result = await Flow.CompleteAsync(new SlackOAuthCallback("code-1", state, null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.ExpiredState, result.Failure?.Kind);
        Assert.Empty(_host.Slack.Requests);
        Assert.Empty(_store.Saved);
    }

    [Fact]
    public async Task A_forged_state_is_refused()
    {
        var result = await Flow.CompleteAsync(new SlackOAuthCallback("code-1", "forged", null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.InvalidState, result.Failure?.Kind);
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public async Task A_refused_exchange_reports_slack_error_code_and_saves_nothing()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"invalid_code"}""");
        var state = StateOf(Flow.BeginInstall());

        var result = await Flow.CompleteAsync(new SlackOAuthCallback("stale", state, null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.ExchangeFailed, result.Failure?.Kind);
        Assert.Equal("invalid_code", result.Failure?.SlackError);
        Assert.Empty(_store.Saved);
    }

    [Fact]
    public async Task A_missing_code_is_refused()
    {
        var state = StateOf(Flow.BeginInstall());

        var result = await Flow.CompleteAsync(new SlackOAuthCallback(null, state, null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.MissingCode, result.Failure?.Kind);
    }

    [Fact]
    public async Task An_org_wide_install_has_no_team_and_no_expiry_without_rotation()
    {
        _host.Slack
            .ThenJson("""{"ok":true,"access_token":"xoxb-org","token_type":"bot","scope":"chat:write","bot_user_id":"U0BOT","app_id":"A1","team":null,"enterprise":{"id":"E111","name":"Acme Grid"},"is_enterprise_install":true,"authed_user":{"id":"W111"}}""")
            .ThenJson("""{"ok":true,"bot_id":"B111","enterprise_id":"E111","is_enterprise_install":true}""");
        var state = StateOf(Flow.BeginInstall());

        var result = await Flow.CompleteAsync(new SlackOAuthCallback("code", state, null), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Null(result.Installation.TeamId);
        Assert.Equal("E111", result.Installation.EnterpriseId);
        Assert.True(result.Installation.IsEnterpriseInstall);
        Assert.Null(result.Installation.BotRefreshToken);
        Assert.Null(result.Installation.BotTokenExpiresAt);
    }

    [Fact]
    public void Callback_reads_code_state_and_error_from_the_query()
    {
        var query = new QueryCollection(QueryHelpers.ParseQuery("?code=abc&state=xyz&error=access_denied"));

        Assert.Equal(new SlackOAuthCallback("abc", "xyz", "access_denied"), SlackOAuthCallback.FromQuery(query));
    }

    private static string StateOf(string authorizeUrl) => QueryHelpers.ParseQuery(new Uri(authorizeUrl).Query)["state"].ToString();
}
