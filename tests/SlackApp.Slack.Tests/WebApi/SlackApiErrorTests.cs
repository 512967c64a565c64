using System.Net;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.WebApi;

public sealed class SlackApiErrorTests : IDisposable
{
    private const string UserOk = """{"ok":true,"user":{"id":"W012A3CDE","name":"spengler"}}""";
    private readonly SlackTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Ok_false_becomes_an_exception_with_slack_error_code_reasons_and_warning()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"invalid_blocks","warning":"missing_charset","response_metadata":{"messages":["[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]"],"warnings":["missing_charset"]}}""");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("chat.postMessage", ex.Method);
        Assert.Equal("invalid_blocks", ex.Error);
        Assert.Equal("missing_charset", ex.Warning);
        Assert.Equal(["[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0/text]"], ex.Messages);
        Assert.Null(ex.HttpStatus);
        Assert.False(ex.IsTransient);
        Assert.Contains("invalid_blocks", ex.Message);
    }

    [Fact]
    public async Task Top_level_errors_array_is_kept_with_the_reasons()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"invalid_blocks","errors":["must provide a text"]}""");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(["must provide a text"], ex.Messages);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    [InlineData("token_revoked")]
    [InlineData("account_inactive")]
    [InlineData("missing_scope")]
    public async Task Each_ok_false_code_surfaces_as_the_exception_error(string code)
    {
        _host.Slack.ThenJson($$"""{"ok":false,"error":"{{code}}"}""");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(code, ex.Error);
        Assert.Single(_host.Slack.Requests);
    }

    [Fact]
    public async Task Http_429_becomes_rate_limited_exception_with_retry_after()
    {
        _host.Slack.Then(_ => RateLimited("""{"ok":false,"error":"ratelimited"}""", TimeSpan.FromSeconds(30)));

        var ex = await Assert.ThrowsAsync<SlackRateLimitedException>(() => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("ratelimited", ex.Error);
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.HttpStatus);
        Assert.True(ex.IsTransient);
        Assert.Single(_host.Slack.Requests);
    }

    [Fact]
    public async Task Http_429_without_a_body_is_still_rate_limited()
    {
        _host.Slack.Then(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(3)) } });

        var ex = await Assert.ThrowsAsync<SlackRateLimitedException>(() => _host.Client.ViewsOpenAsync("t", new ModalView(new PlainText("x")) { Blocks = [] }, TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
    }

    [Fact]
    public async Task Retry_after_as_a_date_is_measured_from_the_injected_clock()
    {
        _host.Slack.Then(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(_host.Time.GetUtcNow().AddSeconds(45)) } });

        var ex = await Assert.ThrowsAsync<SlackRateLimitedException>(() => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(45), ex.RetryAfter);
    }

    [Fact]
    public async Task Rate_limit_on_a_safe_method_is_retried_when_retry_after_is_within_bounds()
    {
        _host.Slack.Then(_ => RateLimited("""{"ok":false,"error":"ratelimited"}""", TimeSpan.Zero)).ThenJson(UserOk);

        var result = await _host.Client.UsersInfoAsync("W012A3CDE", TestContext.Current.CancellationToken);

        Assert.Equal("W012A3CDE", result.User.Id);
        Assert.Equal(2, _host.Slack.Requests.Count);
    }

    [Fact]
    public async Task Rate_limit_longer_than_the_retry_bound_is_thrown_at_once_even_on_a_safe_method()
    {
        _host.Slack.Then(_ => RateLimited("""{"ok":false,"error":"ratelimited"}""", TimeSpan.FromSeconds(60)));

        var ex = await Assert.ThrowsAsync<SlackRateLimitedException>(() => _host.Client.UsersInfoAsync("W1", TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(60), ex.RetryAfter);
        Assert.Single(_host.Slack.Requests);
    }

    [Fact]
    public async Task Ok_false_ratelimited_on_http_200_is_a_rate_limited_exception_too()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"ratelimited"}""");

        var ex = await Assert.ThrowsAsync<SlackRateLimitedException>(() => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(ex.RetryAfter);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task A_500_then_200_on_a_retriable_method_succeeds_after_one_retry()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"internal_error"}""", HttpStatusCode.InternalServerError).ThenJson(UserOk);

        var result = await _host.Client.UsersLookupByEmailAsync("a@b.example", TestContext.Current.CancellationToken);

        Assert.Equal("W012A3CDE", result.User.Id);
        Assert.Equal(2, _host.Slack.Requests.Count);
        Assert.All(_host.Slack.Requests, r => Assert.Equal("a@b.example", r.Form["email"]));
    }

    [Fact]
    public async Task A_network_failure_on_a_retriable_method_is_retried()
    {
        _host.Slack.ThenThrow(new HttpRequestException("connection reset")).ThenJson(UserOk);

        await _host.Client.UsersInfoAsync("W012A3CDE", TestContext.Current.CancellationToken);

        Assert.Equal(2, _host.Slack.Requests.Count);
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_the_configured_retries_with_the_http_status()
    {
        _host.Slack.Fallback = _ => FakeSlackHandler.Text("<html>Bad gateway</html>", HttpStatusCode.BadGateway);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.AuthTestAsync(TestContext.Current.CancellationToken));

        Assert.Equal(3, _host.Slack.Requests.Count);
        Assert.Equal(HttpStatusCode.BadGateway, ex.HttpStatus);
        Assert.Equal("http_error", ex.Error);
        Assert.True(ex.IsTransient);
    }

    [Theory]
    [InlineData("views.open")]
    [InlineData("views.push")]
    [InlineData("chat.postMessage")]
    [InlineData("chat.postEphemeral")]
    [InlineData("oauth.v2.access")]
    public async Task Methods_unsafe_to_repeat_are_never_retried_on_a_5xx(string method)
    {
        _host.Slack.Fallback = _ => FakeSlackHandler.Json("""{"ok":false,"error":"service_unavailable"}""", HttpStatusCode.ServiceUnavailable);
        var view = new ModalView(new PlainText("x")) { Blocks = [] };
        var ct = TestContext.Current.CancellationToken;
        Func<Task> call = method switch
        {
            "views.open" => () => _host.Client.ViewsOpenAsync("trigger", view, ct),
            "views.push" => () => _host.Client.ViewsPushAsync("trigger", view, ct),
            "chat.postMessage" => () => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: ct),
            "chat.postEphemeral" => () => _host.Client.ChatPostEphemeralAsync("C1", "U1", new Message("x"), ct),
            _ => () => _host.Get<ISlackOAuthClient>().ExchangeCodeAsync("code", null, ct),
        };

        var ex = await Assert.ThrowsAsync<SlackApiException>(call);

        Assert.Equal(method, Assert.Single(_host.Slack.Requests).SlackMethod);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.HttpStatus);
        Assert.Equal("service_unavailable", ex.Error);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Views_open_is_not_retried_after_a_network_failure()
    {
        _host.Slack.Fallback = _ => throw new HttpRequestException("connection reset");

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.ViewsOpenAsync("trigger", new ModalView(new PlainText("x")) { Blocks = [] }, TestContext.Current.CancellationToken));

        Assert.Equal("network_error", ex.Error);
        Assert.True(ex.IsTransient);
        Assert.Single(_host.Slack.Requests);
    }

    [Fact]
    public async Task A_4xx_with_a_slack_error_is_permanent()
    {
        _host.Slack.ThenJson("""{"ok":false,"error":"invalid_arguments"}""", HttpStatusCode.BadRequest);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.UsersInfoAsync("W1", TestContext.Current.CancellationToken));

        Assert.Equal("invalid_arguments", ex.Error);
        Assert.Equal(HttpStatusCode.BadRequest, ex.HttpStatus);
        Assert.False(ex.IsTransient);
        Assert.Single(_host.Slack.Requests);
    }

    [Fact]
    public async Task A_2xx_that_is_not_json_is_an_invalid_response()
    {
        _host.Slack.Then(_ => FakeSlackHandler.Text("<html>captive portal</html>"));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => _host.Client.ChatPostMessageAsync("C1", new Message("x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("invalid_response", ex.Error);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_slack_failure()
    {
        using var cts = new CancellationTokenSource();
        _host.Slack.Fallback = _ =>
        {
            cts.Cancel();
            throw new OperationCanceledException(cts.Token);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host.Client.UsersInfoAsync("W1", cts.Token));
    }

    [Theory]
    [InlineData("ratelimited", null, true)]
    [InlineData("rate_limited", null, true)]
    [InlineData("internal_error", null, true)]
    [InlineData("fatal_error", null, true)]
    [InlineData("service_unavailable", null, true)]
    [InlineData("request_timeout", null, true)]
    [InlineData("network_error", null, true)]
    [InlineData("http_error", 500, true)]
    [InlineData("http_error", 504, true)]
    [InlineData("http_error", 404, false)]
    [InlineData("channel_not_found", null, false)]
    [InlineData("invalid_auth", null, false)]
    [InlineData("invalid_blocks", null, false)]
    public void Is_transient_only_for_failures_that_may_pass(string error, int? status, bool transient)
    {
        var ex = new SlackApiException("chat.postMessage", error, (HttpStatusCode?)status);

        Assert.Equal(transient, ex.IsTransient);
    }

    [Theory]
    [InlineData("auth.test", true)]
    [InlineData("auth.teams.list", true)]
    [InlineData("chat.update", true)]
    [InlineData("views.update", true)]
    [InlineData("views.publish", true)]
    [InlineData("conversations.list", true)]
    [InlineData("conversations.open", true)]
    [InlineData("conversations.info", true)]
    [InlineData("users.lookupByEmail", true)]
    [InlineData("users.info", true)]
    [InlineData("views.open", false)]
    [InlineData("views.push", false)]
    [InlineData("chat.postMessage", false)]
    [InlineData("chat.postEphemeral", false)]
    [InlineData("oauth.v2.access", false)]
    [InlineData("response_url", false)]
    [InlineData("chat.delete", false)]
    public void Retry_rules_are_explicit_per_method(string method, bool safe)
        => Assert.Equal(safe, SlackRetryRules.IsSafeToRetry(method));

    private static HttpResponseMessage RateLimited(string body, TimeSpan retryAfter)
    {
        var response = FakeSlackHandler.Json(body, HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    }
}
