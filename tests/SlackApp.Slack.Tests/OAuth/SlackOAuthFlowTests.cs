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
        var browser = Begin();

        var result = await Flow.CompleteAsync(browser.Callback("1234.5678.abcd", null), TestContext.Current.CancellationToken);

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
        var browser = Begin();

        await Flow.CompleteAsync(browser.Callback("1234.5678.abcd", null), TestContext.Current.CancellationToken);

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
        var browser = Begin();

        var result = await Flow.CompleteAsync(browser.Callback(null, "access_denied"), TestContext.Current.CancellationToken);

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
        var browser = Begin();
        await Flow.CompleteAsync(browser.Callback("code-1", null), TestContext.Current.CancellationToken);

        // A replay by someone holding the cookie too: the single use of the state still stops it.
        var replay = await Flow.CompleteAsync(browser.Callback("code-1", null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.ReusedState, replay.Failure?.Kind);
        Assert.Single(_store.Saved);
        Assert.Equal(2, _host.Slack.Requests.Count);
    }

    [Fact]
    public async Task An_expired_state_is_refused_before_the_code_is_exchanged()
    {
        var browser = Begin();
        _host.Time.Advance(TimeSpan.FromMinutes(11));

        var result = await Flow.CompleteAsync(browser.Callback("code-1", null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.ExpiredState, result.Failure?.Kind);
        Assert.Empty(_host.Slack.Requests);
        Assert.Empty(_store.Saved);
    }

    [Fact]
    public async Task A_forged_state_is_refused()
    {
        // Forged along with its cookie: the browser check passes, the state's own seal does not.
        var result = await Flow.CompleteAsync(new SlackOAuthCallback("code-1", "forged", null, BrowserState: "forged"), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.InvalidState, result.Failure?.Kind);
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public async Task A_refused_exchange_reports_slack_error_code_and_saves_nothing()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"invalid_code"}""");
        var browser = Begin();

        var result = await Flow.CompleteAsync(browser.Callback("stale", null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.ExchangeFailed, result.Failure?.Kind);
        Assert.Equal("invalid_code", result.Failure?.SlackError);
        Assert.Empty(_store.Saved);
    }

    [Fact]
    public async Task A_missing_code_is_refused()
    {
        var browser = Begin();

        var result = await Flow.CompleteAsync(browser.Callback(null, null), TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.MissingCode, result.Failure?.Kind);
    }

    [Fact]
    public async Task An_org_wide_install_has_no_team_and_no_expiry_without_rotation()
    {
        _host.Slack
            .ThenJson("""{"ok":true,"access_token":"xoxb-org","token_type":"bot","scope":"chat:write","bot_user_id":"U0BOT","app_id":"A1","team":null,"enterprise":{"id":"E111","name":"Acme Grid"},"is_enterprise_install":true,"authed_user":{"id":"W111"}}""")
            .ThenJson("""{"ok":true,"bot_id":"B111","enterprise_id":"E111","is_enterprise_install":true}""");
        var browser = Begin();

        var result = await Flow.CompleteAsync(browser.Callback("code", null), TestContext.Current.CancellationToken);

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

    [Fact]
    public void Install_binds_the_state_to_the_browser_with_an_HttpOnly_Lax_cookie_that_lives_as_long_as_the_state()
    {
        var http = new DefaultHttpContext();

        var state = StateOf(Flow.BeginInstall(http.Response));

        var cookie = SetCookie(http.Response);
        Assert.Equal("slack-app-oauth-state", cookie.Name.ToString());
        Assert.Equal(state, cookie.Value.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Equal(TimeSpan.FromMinutes(10), cookie.MaxAge);
        // Served over plain http (local development): a Secure cookie would never come back.
        Assert.False(cookie.Secure);
    }

    [Fact]
    public void The_state_cookie_is_Secure_when_the_install_page_is_served_over_https()
    {
        var http = new DefaultHttpContext();
        http.Request.IsHttps = true;

        Flow.BeginInstall(http.Response);

        Assert.True(SetCookie(http.Response).Secure);
    }

    [Fact]
    public async Task A_state_from_a_browser_without_the_cookie_is_refused_and_stays_usable_by_the_installer()
    {
        _host.Slack.ThenJson(AccessOk).ThenJson(AuthTestOk);
        var installer = Begin();

        // The install link forwarded to someone else: Slack's redirect reaches a browser that never saw /slack/install.
        var elsewhere = await Flow.CompleteAsync(installer.Callback("code-1", null) with { BrowserState = null }, TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.StateFromAnotherBrowser, elsewhere.Failure?.Kind);
        Assert.Empty(_host.Slack.Requests);
        Assert.Empty(_store.Saved);
        var own = await Flow.CompleteAsync(installer.Callback("code-1", null), TestContext.Current.CancellationToken);
        Assert.True(own.Succeeded);
    }

    [Fact]
    public async Task A_state_presented_with_the_cookie_of_another_install_is_refused()
    {
        var victim = Begin();
        var attacker = Begin();

        var result = await Flow.CompleteAsync(attacker.Callback("code-1", null) with { BrowserState = victim.Cookie }, TestContext.Current.CancellationToken);

        Assert.Equal(SlackOAuthFailureKind.StateFromAnotherBrowser, result.Failure?.Kind);
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public void Clearing_the_state_cookie_expires_it_on_the_same_path()
    {
        var http = new DefaultHttpContext();

        SlackOAuthStateCookie.Clear(http.Response);

        var cookie = SetCookie(http.Response);
        Assert.Equal("slack-app-oauth-state", cookie.Name.ToString());
        Assert.Equal(string.Empty, cookie.Value.ToString());
        Assert.True(cookie.Expires < DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal("/", cookie.Path.ToString());
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public void Callback_from_a_request_carries_the_browsers_state_cookie()
    {
        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString("?code=abc&state=xyz");
        http.Request.Headers.Cookie = "other=1; slack-app-oauth-state=xyz";

        Assert.Equal(new SlackOAuthCallback("abc", "xyz", null, "xyz"), SlackOAuthCallback.FromRequest(http.Request));
    }

    /// <summary>Starts an install as a browser would: the state from the authorize URL, the cookie from the response.</summary>
    private InstallingBrowser Begin()
    {
        var http = new DefaultHttpContext();
        var state = StateOf(Flow.BeginInstall(http.Response));
        return new InstallingBrowser(state, SetCookie(http.Response).Value.ToString());
    }

    private static Microsoft.Net.Http.Headers.SetCookieHeaderValue SetCookie(HttpResponse response) =>
        Microsoft.Net.Http.Headers.SetCookieHeaderValue.Parse(Assert.Single(response.Headers.SetCookie.ToArray()));

    private static string StateOf(string authorizeUrl) => QueryHelpers.ParseQuery(new Uri(authorizeUrl).Query)["state"].ToString();

    /// <summary>The browser that started an install: Slack redirects it back with the state, and it sends its cookie.</summary>
    private sealed record InstallingBrowser(string State, string Cookie)
    {
        public SlackOAuthCallback Callback(string? code, string? error) => new(code, State, error, Cookie);
    }
}
