using System.Net;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.WebApi;

public sealed class ResponseUrlClientTests : IDisposable
{
    private const string ResponseUrl = "https://hooks.slack.test/actions/T0MJR11A4/1234567890/abcdef";
    private readonly SlackTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private ISlackResponseUrlClient Client => _host.Get<ISlackResponseUrlClient>();

    [Fact]
    public async Task Posts_an_ephemeral_message_as_json_without_a_token()
    {
        _host.Slack.Then(_ => FakeSlackHandler.Text("ok"));

        await Client.SendAsync(ResponseUrl, ResponseUrlMessage.Ephemeral(new Message("Saved", [new SectionBlock { Text = new MarkdownText("Workflow saved") }])), TestContext.Current.CancellationToken);

        var request = Assert.Single(_host.Slack.Requests);
        Assert.Equal(ResponseUrl, request.Uri.ToString());
        Assert.Null(request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("ephemeral", (string?)request.JsonBody["response_type"]);
        Assert.False((bool)request.JsonBody["replace_original"]!);
        Assert.Equal("Saved", (string?)request.JsonBody["text"]);
        Assert.Equal("Workflow saved", (string?)request.JsonBody["blocks"]![0]!["text"]!["text"]);
    }

    [Fact]
    public async Task The_response_url_never_reaches_the_logs()
    {
        _host.Slack.Then(_ => FakeSlackHandler.Text("used_url", HttpStatusCode.NotFound));

        await Assert.ThrowsAsync<SlackApiException>(() => Client.SendAsync(ResponseUrl, ResponseUrlMessage.Ephemeral(new Message("x")), TestContext.Current.CancellationToken));

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.DoesNotContain(_host.Logs.Lines, line => line.Contains("abcdef", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replaces_in_channel_and_deletes_the_original()
    {
        _host.Slack.Then(_ => FakeSlackHandler.Json("""{"ok":true}""")).Then(_ => FakeSlackHandler.Text("ok")).Then(_ => FakeSlackHandler.Text("ok"));
        var ct = TestContext.Current.CancellationToken;

        await Client.SendAsync(ResponseUrl, ResponseUrlMessage.Replace(new Message("Acknowledged by <@U1>")), ct);
        await Client.SendAsync(ResponseUrl, ResponseUrlMessage.InChannel(new Message("Everyone sees this")) with { ThreadTs = "1.2" }, ct);
        await Client.SendAsync(ResponseUrl, ResponseUrlMessage.Delete(), ct);

        var requests = _host.Slack.Requests;
        Assert.True((bool)requests[0].JsonBody["replace_original"]!);
        Assert.Equal("in_channel", (string?)requests[1].JsonBody["response_type"]);
        Assert.Equal("1.2", (string?)requests[1].JsonBody["thread_ts"]);
        Assert.True((bool)requests[2].JsonBody["delete_original"]!);
        Assert.False(requests[2].JsonBody.ContainsKey("text"));
    }

    [Fact]
    public async Task A_json_error_answer_becomes_the_exception_error()
    {
        _host.Slack.Then(_ => FakeSlackHandler.Json("""{"ok":false,"error":"no_text"}"""));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client.SendAsync(ResponseUrl, ResponseUrlMessage.Ephemeral(new Message("")), TestContext.Current.CancellationToken));

        Assert.Equal("response_url", ex.Method);
        Assert.Equal("no_text", ex.Error);
    }

    [Fact]
    public async Task A_plain_text_error_answer_becomes_the_exception_error_with_status()
    {
        _host.Slack.Then(_ => FakeSlackHandler.Text("expired_url", HttpStatusCode.NotFound));

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client.SendAsync(ResponseUrl, ResponseUrlMessage.Ephemeral(new Message("late")), TestContext.Current.CancellationToken));

        Assert.Equal("expired_url", ex.Error);
        Assert.Equal(HttpStatusCode.NotFound, ex.HttpStatus);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task Is_never_retried_even_on_a_5xx()
    {
        _host.Slack.Fallback = _ => FakeSlackHandler.Text("", HttpStatusCode.InternalServerError);

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client.SendAsync(ResponseUrl, ResponseUrlMessage.Ephemeral(new Message("x")), TestContext.Current.CancellationToken));

        Assert.Single(_host.Slack.Requests);
        Assert.Equal("http_error", ex.Error);
        Assert.True(ex.IsTransient);
    }
}
