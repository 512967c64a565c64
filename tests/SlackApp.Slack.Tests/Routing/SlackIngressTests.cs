using System.Net;
using System.Text;
using SlackApp.Slack.Signing;
using static SlackApp.Slack.Tests.Routing.HttpAssertions;

namespace SlackApp.Slack.Tests.Routing;

public sealed class SlackIngressTests
{
    [Fact]
    public async Task Answers_a_signed_slash_command_with_the_handlers_ack()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            request.Ack($"Hello <@{request.Payload.UserId}>, you typed {request.Payload.Text}");
            return Task.CompletedTask;
        }));

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand(text: "workflow list"));

        await AssertJsonAsync(response, """{"response_type":"ephemeral","text":"Hello <@U2147483697>, you typed workflow list"}""");
    }

    [Fact]
    public async Task Refuses_an_unsigned_request_with_401_and_the_reason()
    {
        var ran = false;
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            ran = true;
            request.Ack();
            return Task.CompletedTask;
        }));

        using var response = await app.SendAsync(SlackTestApp.Unsigned(TestPayloads.SlashCommand(), "application/x-www-form-urlencoded"));

        await AssertTextAsync(response, HttpStatusCode.Unauthorized, $"Missing {SlackHeaders.Signature} or {SlackHeaders.RequestTimestamp} header");
        Assert.False(ran);
    }

    [Fact]
    public async Task Refuses_a_request_whose_body_was_changed_after_signing()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) => Task.CompletedTask));
        var request = app.Signed(TestPayloads.SlashCommand(text: "list"), "application/x-www-form-urlencoded");
        request.Content = new StringContent(TestPayloads.SlashCommand(text: "delete-all"), Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await app.SendAsync(request);

        await AssertTextAsync(response, HttpStatusCode.Unauthorized, "Invalid Slack request signature");
    }

    [Fact]
    public async Task Refuses_a_request_signed_more_than_five_minutes_ago()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) => Task.CompletedTask));

        using var response = await app.SendAsync(app.Signed(TestPayloads.SlashCommand(), "application/x-www-form-urlencoded", timestamp: app.Now - 301));

        await AssertTextAsync(response, HttpStatusCode.Unauthorized, "Request timestamp is more than five minutes from the server clock");
    }

    [Fact]
    public async Task Refuses_every_request_when_no_signing_secret_is_configured()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) => Task.CompletedTask), signingSecret: null);

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand());

        await AssertTextAsync(response, HttpStatusCode.Unauthorized, "Slack signing secret is not configured");
    }

    [Theory]
    [InlineData("application/json", "{\"type\": \"event_callback\", ", "Body is not valid JSON")]
    [InlineData("application/x-www-form-urlencoded", "payload=%7Bnot-json", "Body is not valid JSON")]
    [InlineData("application/x-www-form-urlencoded", "team_id=T1&user_id=U1", "Form body has neither a payload nor a command field")]
    [InlineData("text/plain", "command=%2Fusergems", "Unsupported content type 'text/plain'")]
    public async Task Answers_400_with_the_reason_for_a_malformed_body(string contentType, string body, string reason)
    {
        await using var app = await SlackTestApp.StartAsync(_ => { });

        using var response = await app.SendAsync(app.Signed(body, contentType));

        await AssertTextAsync(response, HttpStatusCode.BadRequest, reason);
    }

    [Fact]
    public async Task Answers_413_for_a_body_over_the_limit()
    {
        await using var app = await SlackTestApp.StartAsync(_ => { }, routing => routing.MaxRequestBodyBytes = 64);

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Answers_413_for_a_streamed_body_of_unknown_length_over_the_limit()
    {
        await using var app = await SlackTestApp.StartAsync(_ => { }, routing => routing.MaxRequestBodyBytes = 64);
        var request = app.Signed(TestPayloads.SlashCommand(), "application/x-www-form-urlencoded");
        request.Content = new UnknownLengthContent(Encoding.UTF8.GetBytes(TestPayloads.SlashCommand()));

        using var response = await app.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Echoes_the_url_verification_challenge()
    {
        await using var app = await SlackTestApp.StartAsync(_ => { });

        using var response = await app.PostJsonAsync("""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

        await AssertJsonAsync(response, """{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}""");
    }

    [Fact]
    public async Task Answers_ssl_check_with_an_empty_200()
    {
        await using var app = await SlackTestApp.StartAsync(_ => { });

        using var response = await app.PostFormAsync("token=gIkuvaNzQIHg97ATvDxqgjtO&ssl_check=1");

        await AssertEmptyOkAsync(response);
    }

    [Fact]
    public async Task Answers_an_unsigned_ssl_check_probe_with_an_empty_200()
    {
        await using var app = await SlackTestApp.StartAsync(_ => { });

        // Slack's periodic probe of a slash command URL carries no signature headers.
        using var response = await app.SendAsync(SlackTestApp.Unsigned("ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO", "application/x-www-form-urlencoded"));

        await AssertEmptyOkAsync(response);
    }

    [Theory]
    [InlineData("ssl_check=1&command=%2Fusergems&text=workflow&team_id=T0001")]
    [InlineData("ssl_check=1&payload=%7B%22type%22%3A%22shortcut%22%2C%22callback_id%22%3A%22new-workflow%22%7D")]
    public async Task Refuses_an_unsigned_ssl_check_that_would_dispatch_a_listener(string body)
    {
        var ran = false;
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Command("/usergems", (request, _) =>
            {
                ran = true;
                request.Ack();
                return Task.CompletedTask;
            })
            .Shortcut("new-workflow", (request, _) =>
            {
                ran = true;
                request.Ack();
                return Task.CompletedTask;
            }));

        using var response = await app.SendAsync(SlackTestApp.Unsigned(body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(ran);
    }

    [Fact]
    public async Task Acknowledges_a_slash_command_at_once_while_every_queue_slot_is_busy()
    {
        var eventStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseEvent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(
            slack => slack
                .Event("app_home_opened", async (_, _) =>
                {
                    eventStarted.SetResult();
                    await releaseEvent.Task;
                })
                .Command("/usergems", (request, _) =>
                {
                    request.Ack("Opening the workflow editor");
                    return Task.CompletedTask;
                }),
            routing => routing.MaxConcurrentHandlers = 1);
        try
        {
            (await app.PostJsonAsync(TestPayloads.EventCallback("Ev-slow", TestPayloads.AppHomeOpened()))).Dispose();
            await eventStarted.Task.Within();

            // The fake clock never reaches the ack deadline: only the listener's own ack can answer.
            using var response = await app.PostFormAsync(TestPayloads.SlashCommand(text: "workflow create")).Within();

            await AssertJsonAsync(response, """{"response_type":"ephemeral","text":"Opening the workflow editor"}""");
        }
        finally
        {
            releaseEvent.TrySetResult();
        }
    }

    [Fact]
    public async Task Background_work_covers_an_interactive_listeners_work_after_its_ack()
    {
        var releaseWork = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workDone = false;
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", async (request, _) =>
        {
            request.Ack();
            await releaseWork.Task;
            workDone = true;
        }));
        var background = app.Service<SlackApp.Slack.Routing.ISlackBackgroundWork>();

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand());
        await AssertEmptyOkAsync(response);
        var idle = background.WhenIdleAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, background.Pending);
        Assert.False(idle.IsCompleted);
        releaseWork.SetResult();
        await idle.Within();
        Assert.True(workDone);
        Assert.Equal(0, background.Pending);
    }

    [Fact]
    public async Task Acknowledges_a_request_no_listener_matches()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/other", (request, _) => Task.CompletedTask));

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand("/usergems"));

        await AssertEmptyOkAsync(response);
        Assert.Contains(app.Logs.Entries, entry => entry.Message.Contains("No listener for Slack command /usergems", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acknowledges_an_interaction_of_unknown_type()
    {
        await using var app = await SlackTestApp.StartAsync(_ => { });

        using var response = await app.PostInteractionAsync("""{"type":"dialog_submission","callback_id":"legacy","submission":{}}""");

        await AssertEmptyOkAsync(response);
    }

    [Fact]
    public async Task Refuses_with_503_and_forgets_the_event_when_the_handler_queue_is_full()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var retriedHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queuedStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var accepted = 0;
        var startedAfterBlocker = 0;
        string? refused = null;
        await using var app = await SlackTestApp.StartAsync(
            slack => slack.Event("app_home_opened", async (request, _) =>
            {
                var eventId = request.Payload.EventId!;
                handled.Enqueue(eventId);
                if (eventId == "Ev-blocker")
                {
                    started.SetResult();
                    await release.Task;
                }

                if (eventId == refused)
                {
                    retriedHandled.TrySetResult();
                }
                else if (eventId != "Ev-blocker" && Interlocked.Increment(ref startedAfterBlocker) == Volatile.Read(ref accepted))
                {
                    queuedStarted.TrySetResult();
                }
            }),
            routing =>
            {
                routing.QueueCapacity = 1;
                routing.MaxConcurrentHandlers = 1;
            });

        (await app.PostJsonAsync(TestPayloads.EventCallback("Ev-blocker", TestPayloads.AppHomeOpened()))).Dispose();
        await started.Task.Within();
        for (var i = 0; i < 4 && refused is null; i++)
        {
            using var response = await app.PostJsonAsync(TestPayloads.EventCallback($"Ev-{i}", TestPayloads.AppHomeOpened()));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                refused = $"Ev-{i}";
            }
            else
            {
                Interlocked.Increment(ref accepted);
            }
        }

        Assert.NotNull(refused);
        release.SetResult();
        // Every accepted event has left the queue once its handler runs (the worker takes one ahead while it waits for a
        // slot): only then is there room for the retry. Retrying sooner raced the worker and could meet a full queue.
        await queuedStarted.Task.Within();

        // Slack redelivers the refused event; it was forgotten, so it is processed this time.
        using var retry = await app.PostJsonAsync(TestPayloads.EventCallback(refused, TestPayloads.AppHomeOpened()), retryNum: 1);
        await AssertEmptyOkAsync(retry);
        await retriedHandled.Task.Within();
    }

    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
