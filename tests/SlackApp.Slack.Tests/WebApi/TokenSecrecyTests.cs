using System.Net;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.WebApi;

public sealed class TokenSecrecyTests : IDisposable
{
    private readonly SlackTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Tokens_never_reach_logs_or_exception_messages()
    {
        _host.Slack
            .ThenJson("""{"ok":true,"warning":"superfluous_charset","user":{"id":"W1"}}""")
            .ThenJson("""{"ok":false,"error":"invalid_auth"}""", HttpStatusCode.Unauthorized)
            .ThenThrow(new HttpRequestException("connection reset"))
            .ThenJson("""{"ok":false,"error":"invalid_code"}""");
        var ct = TestContext.Current.CancellationToken;

        await _host.Client.UsersInfoAsync("W1", ct);
        var denied = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: ct));
        var network = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.ViewsOpenAsync("t", new ModalView(new PlainText("x")) { Blocks = [] }, ct));
        var oauth = await Assert.ThrowsAsync<SlackApiException>(() => _host.Get<ISlackOAuthClient>().ExchangeCodeAsync("code-1", null, ct));

        Assert.NotEmpty(_host.Logs.Lines);
        foreach (var text in _host.Logs.Lines.Concat([denied.ToString(), network.ToString(), oauth.ToString()]))
        {
            Assert.DoesNotContain(SlackTestHost.BotToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Oauth_result_and_installation_print_without_tokens()
    {
        var access = new OAuthV2AccessResult
        {
            AccessToken = "xoxb-SECRET-1",
            RefreshToken = "xoxe-1-SECRET-2",
            BotUserId = "U0KRQLJ9H",
            AuthedUser = new OAuthAuthedUser { Id = "U1234", AccessToken = "xoxp-SECRET-3", RefreshToken = "xoxe-1-SECRET-4" },
        };
        var installation = new Installation { BotUserId = "U0KRQLJ9H", BotToken = "xoxb-SECRET-1", BotRefreshToken = "xoxe-1-SECRET-2", TeamId = "T9TK3CUKW" };

        var printed = $"{access} {installation}";

        Assert.DoesNotContain("SECRET", printed, StringComparison.Ordinal);
        Assert.Contains("U0KRQLJ9H", printed, StringComparison.Ordinal);
        Assert.Contains("T9TK3CUKW", printed, StringComparison.Ordinal);
        Assert.Contains("U1234", printed, StringComparison.Ordinal);
    }
}
