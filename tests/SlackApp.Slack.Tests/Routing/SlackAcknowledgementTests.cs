using System.Collections.Concurrent;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using static SlackApp.Slack.Tests.Routing.HttpAssertions;

namespace SlackApp.Slack.Tests.Routing;

public sealed class SlackAcknowledgementTests
{
    [Fact]
    public async Task Answers_at_once_when_the_handler_acks_and_finishes_its_work_on_the_queue()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", async (request, _) =>
        {
            request.Ack("Working on it");
            await release.Task;
            finished.SetResult();
        }));

        // The fake clock never moves here: only the ack can have produced the answer.
        using var response = await app.PostFormAsync(TestPayloads.SlashCommand()).Within();

        await AssertJsonAsync(response, """{"response_type":"ephemeral","text":"Working on it"}""");
        Assert.False(finished.Task.IsCompleted);
        release.SetResult();
        await finished.Task.Within();
    }

    [Fact]
    public async Task Answers_an_empty_200_at_the_deadline_when_the_handler_never_acks_and_lets_it_run_on()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lateAck = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", async (request, _) =>
        {
            started.SetResult();
            await release.Task;
            lateAck.SetResult(Record.Exception(() => request.Ack("too late")));
        }));

        var pending = app.PostFormAsync(TestPayloads.SlashCommand());
        await started.Task.Within();
        Assert.False(pending.IsCompleted);

        app.Time.Advance(TimeSpan.FromMilliseconds(2500));
        using var response = await pending.Within();

        await AssertEmptyOkAsync(response);
        Assert.Contains(app.Logs.Entries, entry => entry.Message.Contains("was not acknowledged within", StringComparison.Ordinal));
        release.SetResult();
        Assert.Null(await lateAck.Task.Within());
        Assert.Contains(app.Logs.Entries, entry => entry.Message.Contains("acknowledged after the deadline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Honours_a_configured_ack_timeout()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(
            slack => slack.Action("slow", async (request, _) =>
            {
                started.SetResult();
                await release.Task;
            }),
            routing => routing.AckTimeout = TimeSpan.FromSeconds(1));

        var pending = app.PostInteractionAsync(TestPayloads.Button("slow"));
        await started.Task.Within();
        app.Time.Advance(TimeSpan.FromSeconds(1));

        await AssertEmptyOkAsync(await pending.Within());
        release.SetResult();
    }

    [Fact]
    public async Task Answers_an_empty_200_when_the_handler_returns_without_acking()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Action("approve", (_, _) => Task.CompletedTask));

        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("approve")).Within());
    }

    [Fact]
    public async Task Answers_an_event_before_its_handler_runs()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Event("app_home_opened", async (request, _) =>
        {
            await release.Task;
            handled.SetResult(((SlackApp.Slack.Payloads.AppHomeOpenedEvent)request.Event).User);
        }));

        // The handler waits for the answer; had the endpoint waited for the handler, this would hang.
        using var response = await app.PostJsonAsync(TestPayloads.EventCallback("Ev1", TestPayloads.AppHomeOpened("U42"))).Within();

        await AssertEmptyOkAsync(response);
        release.SetResult();
        Assert.Equal("U42", await handled.Task.Within());
    }

    [Fact]
    public async Task Processes_an_event_redelivered_by_Slack_once()
    {
        var handled = new ConcurrentQueue<string>();
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(
            slack => slack.Event("app_home_opened", (request, _) =>
            {
                handled.Enqueue(request.Payload.EventId!);
                if (request.Payload.EventId == "Ev-last")
                {
                    last.SetResult();
                }

                return Task.CompletedTask;
            }),
            routing => routing.MaxConcurrentHandlers = 1); // handlers run in arrival order: Ev-last runs after any duplicate

        await AssertEmptyOkAsync(await app.PostJsonAsync(TestPayloads.EventCallback("Ev1", TestPayloads.AppHomeOpened())));
        await AssertEmptyOkAsync(await app.PostJsonAsync(TestPayloads.EventCallback("Ev1", TestPayloads.AppHomeOpened()), retryNum: 1));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await AssertEmptyOkAsync(await app.PostJsonAsync(TestPayloads.EventCallback("Ev1", TestPayloads.AppHomeOpened()), retryNum: 2));
        await AssertEmptyOkAsync(await app.PostJsonAsync(TestPayloads.EventCallback("Ev-last", TestPayloads.AppHomeOpened())));
        await last.Task.Within();

        Assert.Equal(["Ev1", "Ev-last"], handled);
    }

    [Fact]
    public async Task Refuses_a_second_ack()
    {
        var secondAck = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            request.Ack("first");
            secondAck.SetResult(Record.Exception(() => request.Ack("second")));
            return Task.CompletedTask;
        }));

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand());

        await AssertJsonAsync(response, """{"response_type":"ephemeral","text":"first"}""");
        Assert.IsType<InvalidOperationException>(await secondAck.Task.Within());
    }

    [Fact]
    public async Task Replies_in_channel_when_asked()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            request.Ack(new Message("Workflow created"), ResponseType.InChannel);
            return Task.CompletedTask;
        }));

        await AssertJsonAsync(await app.PostFormAsync(TestPayloads.SlashCommand()), """{"response_type":"in_channel","text":"Workflow created"}""");
    }

    [Fact]
    public async Task Replies_with_blocks_in_the_same_shape_as_a_response_url_message_without_its_replace_flags()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            request.Ack(new Message("2 workflows", [new SectionBlock { Text = new MarkdownText("*2 workflows*") }]));
            return Task.CompletedTask;
        }));

        await AssertJsonAsync(await app.PostFormAsync(TestPayloads.SlashCommand()), """
            {"response_type":"ephemeral","text":"2 workflows","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*2 workflows*"}}]}
            """);
    }

    [Fact]
    public async Task Keeps_the_modal_open_with_errors_by_block()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.View("workflow-edit", (request, _) =>
        {
            request.AckWithErrors(new Dictionary<string, string> { ["name"] = "A workflow needs a name", ["channel"] = "Pick a channel" });
            return Task.CompletedTask;
        }));

        using var response = await app.PostInteractionAsync(TestPayloads.ViewSubmission("workflow-edit"));

        await AssertJsonAsync(response, """{"response_action":"errors","errors":{"name":"A workflow needs a name","channel":"Pick a channel"}}""");
    }

    [Fact]
    public async Task Updates_the_modal_with_a_new_view()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.View("workflow-edit", (request, _) =>
        {
            request.AckWithUpdate(new ModalView(new PlainText("Workflow saved")) { Blocks = [], CallbackId = "workflow-saved", PrivateMetadata = "wf-42" });
            return Task.CompletedTask;
        }));

        using var response = await app.PostInteractionAsync(TestPayloads.ViewSubmission("workflow-edit"));

        await AssertJsonAsync(response, """{"response_action":"update","view":{"type":"modal","title":{"type":"plain_text","text":"Workflow saved"},"blocks":[],"callback_id":"workflow-saved","private_metadata":"wf-42"}}""");
    }

    [Fact]
    public async Task Pushes_a_view_on_the_modal_stack()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.View("workflow-edit", (request, _) =>
        {
            request.AckWithPush(new ModalView(new PlainText("Confirm")) { Blocks = [], CallbackId = "confirm" });
            return Task.CompletedTask;
        }));

        using var response = await app.PostInteractionAsync(TestPayloads.ViewSubmission("workflow-edit"));

        await AssertJsonAsync(response, """{"response_action":"push","view":{"type":"modal","title":{"type":"plain_text","text":"Confirm"},"blocks":[],"callback_id":"confirm"}}""");
    }

    [Fact]
    public async Task Clears_the_modal_stack()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.View("workflow-edit", (request, _) =>
        {
            request.AckWithClear();
            return Task.CompletedTask;
        }));

        await AssertJsonAsync(await app.PostInteractionAsync(TestPayloads.ViewSubmission("workflow-edit")), """{"response_action":"clear"}""");
    }

    [Fact]
    public async Task Closes_the_modal_with_an_empty_ack()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.View("workflow-edit", (request, _) =>
        {
            request.Ack();
            return Task.CompletedTask;
        }));

        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.ViewSubmission("workflow-edit")));
    }

    [Fact]
    public async Task Answers_an_options_request_with_options()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Options("account-search", (request, _) =>
        {
            request.Ack([new Option(new PlainText($"{request.Query} Corp"), "acc-1"), new Option(new PlainText($"{request.Query} Inc"), "acc-2")]);
            return Task.CompletedTask;
        }));

        using var response = await app.PostInteractionAsync(TestPayloads.BlockSuggestion("account-search", "Acme"));

        await AssertJsonAsync(response, """
            {"options":[{"text":{"type":"plain_text","text":"Acme Corp"},"value":"acc-1"},{"text":{"type":"plain_text","text":"Acme Inc"},"value":"acc-2"}]}
            """);
    }

    [Fact]
    public async Task Answers_an_options_request_with_option_groups()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Options("account-search", (request, _) =>
        {
            request.Ack([new OptionGroup(new PlainText("Customers"), [new Option(new PlainText("Acme"), "acc-1")])]);
            return Task.CompletedTask;
        }));

        using var response = await app.PostInteractionAsync(TestPayloads.BlockSuggestion("account-search", "Ac"));

        await AssertJsonAsync(response, """
            {"option_groups":[{"label":{"type":"plain_text","text":"Customers"},"options":[{"text":{"type":"plain_text","text":"Acme"},"value":"acc-1"}]}]}
            """);
    }

    [Fact]
    public async Task Answers_an_options_request_with_no_options()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Options("account-search", (request, _) =>
        {
            request.Ack();
            return Task.CompletedTask;
        }));

        await AssertJsonAsync(await app.PostInteractionAsync(TestPayloads.BlockSuggestion("account-search", "zz")), """{"options":[]}""");
    }

    [Fact]
    public async Task Answers_an_options_request_with_an_options_response()
    {
        var response = new OptionsResponse { Options = [new Option(new PlainText("Acme Corp"), "acc-1")] };
        await using var app = await SlackTestApp.StartAsync(slack => slack.Options("account-search", (request, _) =>
        {
            request.Ack(response);
            return Task.CompletedTask;
        }));

        await AssertJsonAsync(
            await app.PostInteractionAsync(TestPayloads.BlockSuggestion("account-search", "Ac")),
            """{"options":[{"text":{"type":"plain_text","text":"Acme Corp"},"value":"acc-1"}]}""");
        Assert.Empty(BlockKitValidator.Validate(response));
    }

    [Fact]
    public async Task Answers_an_options_response_holding_nothing_as_no_results()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Options("account-search", (request, _) =>
        {
            request.Ack(new OptionsResponse());
            return Task.CompletedTask;
        }));

        await AssertJsonAsync(await app.PostInteractionAsync(TestPayloads.BlockSuggestion("account-search", "zz")), """{"options":[]}""");
    }

    [Fact]
    public async Task Refuses_an_options_response_holding_both_options_and_groups()
    {
        var refused = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Options("account-search", (request, _) =>
        {
            var option = new Option(new PlainText("Acme"), "acc-1");
            refused.SetResult(Record.Exception(() => request.Ack(new OptionsResponse { Options = [option], OptionGroups = [new OptionGroup(new PlainText("Customers"), [option])] })));
            return Task.CompletedTask;
        }));

        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.BlockSuggestion("account-search", "Ac")));
        Assert.IsType<ArgumentException>(await refused.Task.Within());
    }
}
