using SlackApp.Slack.OAuth;
using SlackApp.Slack.Tests.WebApi;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.OAuth;

public sealed class SlackTokenRotatorTests : IDisposable
{
    private readonly SlackTestHost _host = OAuthTestHost.Create();

    public void Dispose() => _host.Dispose();

    private Installation Installed(TimeSpan expiresIn) => new()
    {
        TeamId = "T9TK3CUKW",
        BotUserId = "U0KRQLJ9H",
        BotToken = "xoxe.xoxb-old",
        BotRefreshToken = "xoxe-1-old",
        BotScopes = ["chat:write"],
        BotTokenExpiresAt = _host.Time.GetUtcNow() + expiresIn,
        InstalledAt = _host.Time.GetUtcNow().AddDays(-3),
    };

    [Fact]
    public async Task Refreshes_a_token_expiring_within_the_window()
    {
        _host.Slack.ThenJson("""{"ok":true,"app_id":"A0KRD7HC3","scope":"chat:write,commands","token_type":"bot","access_token":"xoxe.xoxb-new","bot_user_id":"U0KRQLJ9H","refresh_token":"xoxe-1-new","expires_in":43200,"team":{"id":"T9TK3CUKW","name":"Slack Softball Team"},"enterprise":null,"is_enterprise_install":false}""");
        var installation = Installed(TimeSpan.FromMinutes(5));

        var refreshed = await _host.Get<SlackTokenRotator>().RefreshIfExpiringAsync(installation, TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);

        var request = Assert.Single(_host.Slack.Requests);
        Assert.Equal("oauth.v2.access", request.SlackMethod);
        Assert.Equal("refresh_token", request.Form["grant_type"]);
        Assert.Equal("xoxe-1-old", request.Form["refresh_token"]);
        Assert.Equal("1111.2222", request.Form["client_id"]);
        Assert.Equal("client-SECRET-value", request.Form["client_secret"]);
        Assert.Null(request.Authorization);
        Assert.Equal("xoxe.xoxb-new", refreshed.BotToken);
        Assert.Equal("xoxe-1-new", refreshed.BotRefreshToken);
        Assert.Equal(_host.Time.GetUtcNow().AddHours(12), refreshed.BotTokenExpiresAt);
        Assert.Equal(["chat:write", "commands"], refreshed.BotScopes);
        Assert.Equal(installation.TeamId, refreshed.TeamId);
        Assert.Equal(installation.InstalledAt, refreshed.InstalledAt);
    }

    [Fact]
    public async Task Leaves_a_token_alone_when_it_expires_after_the_window()
    {
        var installation = Installed(TimeSpan.FromHours(2));

        var same = await _host.Get<SlackTokenRotator>().RefreshIfExpiringAsync(installation, TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken);

        Assert.Same(installation, same);
        Assert.Empty(_host.Slack.Requests);
    }

    [Fact]
    public void A_token_without_rotation_never_needs_refresh()
    {
        var installation = Installed(TimeSpan.Zero) with { BotRefreshToken = null, BotTokenExpiresAt = null };

        Assert.False(_host.Get<SlackTokenRotator>().NeedsRefresh(installation, TimeSpan.FromDays(365)));
    }

    [Fact]
    public async Task A_refused_refresh_throws_with_slack_error_code()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"invalid_refresh_token"}""");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _host.Get<SlackTokenRotator>().RefreshIfExpiringAsync(Installed(TimeSpan.Zero), TimeSpan.FromMinutes(10), TestContext.Current.CancellationToken));

        Assert.Equal("invalid_refresh_token", ex.Error);
        Assert.DoesNotContain("xoxe-1-old", ex.ToString(), StringComparison.Ordinal);
    }
}
