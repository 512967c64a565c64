using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackApp.Installations;
using SlackApp.Slack.OAuth;
using SlackApp.Tests.Fakes;
using SlackApp.Tests.Hosting;

namespace SlackApp.Tests.Installations;

/// <summary>The whole OAuth v2 install, in-process: install page, Slack's redirect back, the stored installation.</summary>
public sealed partial class OAuthInstallFlowTests : IDisposable
{
    private readonly SlackAppFactory _app = new();
    private readonly HttpClient _browser;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public OAuthInstallFlowTests()
    {
        _browser = _app.CreateClient(new() { AllowAutoRedirect = false });
        _app.Slack.Tokens["xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy"] = true;
        _app.Slack.Tokens["xoxb-17653672481-19874698323-SECONDtokenSECONDtoken00"] = true;
        // oauth.v2.access as Slack's docs show it.
        _app.Slack.On("oauth.v2.access", call => call.Field("code") == "good-code" || call.Field("code") == "second-code"
            ? FakeSlackAnswer.Ok(JsonNode.Parse($$"""
                {
                  "access_token": "xoxb-17653672481-19874698323-{{(call.Field("code") == "good-code" ? "pdFZKVeTuE8sk7oOcBrzbqgy" : "SECONDtokenSECONDtoken00")}}",
                  "token_type": "bot",
                  "scope": "commands,chat:write,chat:write.public,channels:read,groups:read,users:read,users:read.email,im:write",
                  "bot_user_id": "U0KRQLJ9H",
                  "app_id": "A0KRD7HC3",
                  "team": { "name": "Slack Softball Team", "id": "T9TK3CUKW" },
                  "enterprise": null,
                  "authed_user": { "id": "U1234", "scope": "", "access_token": null, "token_type": null }
                }
                """)!.AsObject())
            : FakeSlackAnswer.Error("invalid_code"));
        // The new token answers auth.test for the bot id.
        _app.Slack.On("auth.test", call => call.Token!.StartsWith("xoxb-17653672481", StringComparison.Ordinal)
            ? FakeSlackAnswer.Ok(new JsonObject { ["team_id"] = "T9TK3CUKW", ["user_id"] = "U0KRQLJ9H", ["bot_id"] = "B0KRQLJ9H" })
            : null);
    }

    [Fact]
    public async Task Install_page_links_to_slacks_authorize_url_with_the_manifest_scopes_and_a_state()
    {
        var page = await _browser.GetStringAsync(new Uri("/slack/install", UriKind.Relative), _ct);

        var authorize = new Uri(AuthorizeLink(page));
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("https://slack.com/oauth/v2/authorize", authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal(SlackAppFactory.ClientId, query["client_id"]);
        Assert.Equal(string.Join(',', InstallationsServiceCollectionExtensions.BotScopes), query["scope"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
    }

    [Fact]
    public async Task Completed_install_stores_the_workspace_with_its_token_encrypted()
    {
        var state = await StartInstallAsync();

        var response = await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=good-code&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);
        var page = await response.Content.ReadAsStringAsync(_ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("slack://app?team=T9TK3CUKW&amp;id=A0KRD7HC3&amp;tab=home", page, StringComparison.Ordinal);
        var stored = await _app.Service<IInstallationStore>().FindAsync(null, "T9TK3CUKW", isEnterpriseInstall: false, _ct);
        Assert.Equal("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", stored?.BotToken);
        Assert.Equal("U1234", stored?.InstallerUserId);
        Assert.Equal("B0KRQLJ9H", stored?.BotId);
        Assert.NotNull(await _app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(new Workspace("T9TK3CUKW"), _ct));
        Assert.DoesNotContain("pdFZKVeTuE8sk7oOcBrzbqgy", DatabaseText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_install_updates_the_workspace_and_keeps_its_signal_secret()
    {
        await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=good-code&state={Uri.EscapeDataString(await StartInstallAsync())}", UriKind.Relative), _ct);
        var secret = await _app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(new Workspace("T9TK3CUKW"), _ct);

        var again = await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=second-code&state={Uri.EscapeDataString(await StartInstallAsync())}", UriKind.Relative), _ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await _app.Service<IInstallationStore>().FindAsync(null, "T9TK3CUKW", isEnterpriseInstall: false, _ct);
        Assert.EndsWith("SECONDtokenSECONDtoken00", stored?.BotToken, StringComparison.Ordinal);
        Assert.Equal(secret, await _app.Service<WorkspaceSettingsRepository>().GetSignalSecretAsync(new Workspace("T9TK3CUKW"), _ct));
    }

    [Fact]
    public async Task A_forged_state_shows_the_error_page_and_stores_nothing()
    {
        // Forged together with a matching cookie: the browser check passes, the state's seal does not.
        var response = await RedirectWithCookieAsync("code=good-code&state=forged", cookie: "forged");

        await AssertFailedAsync(response, "not valid");
    }

    [Fact]
    public async Task A_reused_state_shows_the_error_page()
    {
        var state = await StartInstallAsync();
        await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=good-code&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);

        // Replayed by someone who kept the cookie as well: the state works once.
        var replay = await RedirectWithCookieAsync($"code=second-code&state={Uri.EscapeDataString(state)}", cookie: state);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        var stored = await _app.Service<IInstallationStore>().FindAsync(null, "T9TK3CUKW", isEnterpriseInstall: false, _ct);
        Assert.EndsWith("pdFZKVeTuE8sk7oOcBrzbqgy", stored?.BotToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_browser_going_back_to_a_finished_install_is_sent_to_start_again()
    {
        var state = await StartInstallAsync();
        await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=good-code&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);

        var again = await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=second-code&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("/slack/install", await again.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Single(_app.Slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task A_state_opened_in_another_browser_is_refused_and_the_installer_can_still_finish()
    {
        var state = await StartInstallAsync();
        using var otherBrowser = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await otherBrowser.GetAsync(new Uri($"/slack/oauth_redirect?code=good-code&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(_ct);
        Assert.Contains("<a href=\"/slack/install\">", page, StringComparison.Ordinal);
        Assert.Contains("same browser", page, StringComparison.Ordinal);
        Assert.Empty(_app.Slack.CallsTo("oauth.v2.access"));
        Assert.Null(await _app.Service<InstallationStore>().GetStatusAsync(new Workspace("T9TK3CUKW"), _ct));
        // The refusal did not spend the state: the browser that started the install completes it.
        var own = await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=good-code&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_state_presented_with_the_cookie_of_another_install_is_refused()
    {
        var victims = await StartInstallAsync();
        var attackers = await StartInstallAsync();

        var response = await RedirectWithCookieAsync($"code=good-code&state={Uri.EscapeDataString(attackers)}", cookie: victims);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("same browser", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Empty(_app.Slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task Install_page_sets_an_HttpOnly_Lax_state_cookie_for_ten_minutes_and_is_never_cached()
    {
        var response = await _browser.GetAsync(new Uri("/slack/install", UriKind.Relative), _ct);

        var state = System.Web.HttpUtility.ParseQueryString(new Uri(AuthorizeLink(await response.Content.ReadAsStringAsync(_ct))).Query)["state"];
        var cookie = StateCookie(response);
        Assert.Equal(state, cookie.Value.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Equal(TimeSpan.FromMinutes(10), cookie.MaxAge);
        Assert.False(cookie.Secure);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Over_https_the_state_cookie_is_Secure()
    {
        using var browser = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await browser.GetAsync(new Uri("/slack/install", UriKind.Relative), _ct);

        Assert.True(StateCookie(response).Secure);
    }

    [Fact]
    public async Task Behind_a_local_proxy_that_ends_tls_the_state_cookie_is_still_Secure()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/slack/install", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await _browser.SendAsync(request, _ct);

        Assert.True(StateCookie(response).Secure);
    }

    [Theory]
    [InlineData("code=good-code")]
    [InlineData("code=bad-code")]
    [InlineData("error=access_denied")]
    public async Task The_redirect_clears_the_state_cookie_whatever_the_outcome(string outcome)
    {
        var state = await StartInstallAsync();

        var response = await _browser.GetAsync(new Uri($"/slack/oauth_redirect?{outcome}&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);

        var cleared = StateCookie(response);
        Assert.Equal(string.Empty, cleared.Value.ToString());
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
        Assert.Equal("/", cleared.Path.ToString());
    }

    [Fact]
    public async Task Cancelling_on_slack_shows_the_error_page_and_stores_nothing()
    {
        var state = await StartInstallAsync();

        var response = await _browser.GetAsync(new Uri($"/slack/oauth_redirect?error=access_denied&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);

        await AssertFailedAsync(response, "cancelled");
        Assert.Empty(_app.Slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task A_code_slack_refuses_shows_slacks_error_and_stores_nothing()
    {
        var state = await StartInstallAsync();

        var response = await _browser.GetAsync(new Uri($"/slack/oauth_redirect?code=bad-code&state={Uri.EscapeDataString(state)}", UriKind.Relative), _ct);

        await AssertFailedAsync(response, "invalid_code");
    }

    [Fact]
    public async Task Without_oauth_credentials_the_install_page_says_what_to_configure()
    {
        using var app = new SlackAppFactory(withSlackCredentials: false);
        using var browser = app.CreateClient();

        var response = await browser.GetAsync(new Uri("/slack/install", UriKind.Relative), _ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Slack:ClientId", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    /// <summary>Slack's redirect arriving with exactly <paramref name="cookie"/> as the state cookie (a replay, or someone else's).</summary>
    private async Task<HttpResponseMessage> RedirectWithCookieAsync(string query, string cookie)
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/slack/oauth_redirect?{query}", UriKind.Relative));
        request.Headers.Add("Cookie", $"{SlackOAuthStateCookie.Name}={cookie}");
        return await client.SendAsync(request, _ct);
    }

    private static Microsoft.Net.Http.Headers.SetCookieHeaderValue StateCookie(HttpResponseMessage response) =>
        Microsoft.Net.Http.Headers.SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList())
            .Single(c => c.Name == SlackOAuthStateCookie.Name);

    private async Task<string> StartInstallAsync()
    {
        var page = await _browser.GetStringAsync(new Uri("/slack/install", UriKind.Relative), _ct);
        return System.Web.HttpUtility.ParseQueryString(new Uri(AuthorizeLink(page)).Query)["state"]!;
    }

    private async Task AssertFailedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Null(await _app.Service<IInstallationStore>().FindAsync(null, "T9TK3CUKW", isEnterpriseInstall: false, _ct));
        Assert.Null(await _app.Service<InstallationStore>().GetStatusAsync(new Workspace("T9TK3CUKW"), _ct));
    }

    private static string AuthorizeLink(string page) => WebUtility.HtmlDecode(AddToSlackLink().Match(page).Groups[1].Value);

    private string DatabaseText()
    {
        SlackApp.Tests.Data.SqlitePools.Clear(_app.Service<SlackApp.Data.DbConnectionFactory>().ConnectionString);
        return string.Concat(Directory.EnumerateFiles(_app.Folder, "slackapp.db*").Select(p =>
        {
            using var stream = new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return Encoding.Latin1.GetString(memory.ToArray());
        }));
    }

    [GeneratedRegex("<a class=\"button\" href=\"([^\"]+)\">Add to Slack</a>")]
    private static partial Regex AddToSlackLink();

    public void Dispose()
    {
        _browser.Dispose();
        _app.Dispose();
    }
}
