using SlackApp.Slack.Blocks;
using System.Net;
using Microsoft.Extensions.Logging;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using static SlackApp.Slack.Tests.Routing.HttpAssertions;

namespace SlackApp.Slack.Tests.Routing;

public sealed class SlackErrorHandlingTests
{
    private const string Apology = "Sorry, something went wrong. Please try again.";

    [Fact]
    public async Task Apologises_in_the_ack_when_a_command_handler_throws_before_acking()
    {
        var handled = new TaskCompletionSource<(Exception, SlackContext)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Command("/usergems", (_, _) => throw new InvalidOperationException("database is down"))
            .Error((exception, context, _) =>
            {
                handled.SetResult((exception, context));
                return Task.CompletedTask;
            }));

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand());

        await AssertJsonAsync(response, $$"""{"response_type":"ephemeral","text":"{{Apology}}"}""");
        var (exception, context) = await handled.Task.Within();
        Assert.Equal("database is down", exception.Message);
        Assert.Equal("T0001", context.TeamId);
        Assert.Contains(app.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception == exception);
    }

    [Fact]
    public async Task Apologises_through_the_response_url_when_an_action_handler_throws_before_acking()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Action("approve", (_, _) => throw new InvalidOperationException("boom")));

        using var response = await app.PostInteractionAsync(TestPayloads.Button("approve"));

        await AssertEmptyOkAsync(response);
        await app.ResponseUrls.FirstPost.Task.Within();
        var (url, message) = Assert.Single(app.ResponseUrls.Posts);
        Assert.Equal("https://hooks.slack.com/actions/T0001/1232321423432/abc", url);
        Assert.Equal(Apology, message.Message?.Text);
        Assert.Equal(ResponseType.Ephemeral, message.ResponseType);
        Assert.False(message.ReplaceOriginal);
    }

    [Fact]
    public async Task Replaces_the_modal_with_an_apology_when_a_view_submission_handler_throws_before_acking()
    {
        await using var app = await SlackTestApp.StartAsync(
            slack => slack.View("workflow-edit", (_, _) => throw new InvalidOperationException("boom")),
            routing => routing.ErrorMessage = "UserGems hit a snag.");

        using var response = await app.PostInteractionAsync(TestPayloads.ViewSubmission("workflow-edit"));

        // An empty 200 would close the modal and lose what the user typed without a word.
        await AssertJsonAsync(response, """
            {
              "response_action": "update",
              "view": {
                "type": "modal",
                "title": { "type": "plain_text", "text": "Something went wrong" },
                "close": { "type": "plain_text", "text": "Close" },
                "blocks": [ { "type": "section", "text": { "type": "plain_text", "text": "UserGems hit a snag." } } ]
              }
            }
            """);
        Assert.Empty(app.ResponseUrls.Posts);
    }

    [Fact]
    public void The_apology_modal_is_valid_block_kit()
    {
        Assert.Empty(BlockKitValidator.Validate(SlackDispatcher.ApologyModal(new SlackRoutingOptions().ErrorMessage)));
    }

    [Fact]
    public async Task Keeps_a_view_submissions_ack_when_its_handler_throws_after_acking()
    {
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .View("workflow-edit", (request, _) =>
            {
                request.Ack();
                throw new InvalidOperationException("boom after the ack");
            })
            .Error((_, _, _) =>
            {
                failed.SetResult();
                return Task.CompletedTask;
            }));

        using var response = await app.PostInteractionAsync(TestPayloads.ViewSubmission("workflow-edit"));

        await AssertEmptyOkAsync(response);
        await failed.Task.Within();
    }

    [Fact]
    public async Task Keeps_the_ack_and_logs_when_a_handler_throws_after_acking()
    {
        var handled = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Command("/usergems", async (request, _) =>
            {
                request.Ack("Working on it");
                await Task.Yield();
                throw new InvalidOperationException("failed later");
            })
            .Error((exception, _, _) =>
            {
                handled.SetResult(exception);
                return Task.CompletedTask;
            }));

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand());

        await AssertJsonAsync(response, """{"response_type":"ephemeral","text":"Working on it"}""");
        Assert.Equal("failed later", (await handled.Task.Within()).Message);
        Assert.Empty(app.ResponseUrls.Posts);
    }

    [Fact]
    public async Task Logs_a_failing_event_handler_and_still_answers_200()
    {
        var handled = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Event("app_home_opened", (_, _) => throw new InvalidOperationException("home failed"))
            .Error((exception, _, _) =>
            {
                handled.SetResult(exception);
                return Task.CompletedTask;
            }));

        using var response = await app.PostJsonAsync(TestPayloads.EventCallback("Ev1", TestPayloads.AppHomeOpened()));

        await AssertEmptyOkAsync(response);
        var exception = await handled.Task.Within();
        Assert.Contains(app.Logs.Entries, entry => entry.Level == LogLevel.Error && entry.Exception == exception);
    }

    [Fact]
    public async Task Survives_a_failing_middleware_and_a_failing_error_handler()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Use((_, _) => throw new InvalidOperationException("tenant lookup failed"))
            .Command("/usergems", (request, _) => Task.CompletedTask)
            .Error((_, _, _) => throw new InvalidOperationException("error handler failed too")));

        using var response = await app.PostFormAsync(TestPayloads.SlashCommand());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertJsonAsync(response, $$"""{"response_type":"ephemeral","text":"{{Apology}}"}""");
    }

    [Fact]
    public async Task Uses_the_configured_apology()
    {
        await using var app = await SlackTestApp.StartAsync(
            slack => slack.Command("/usergems", (_, _) => throw new InvalidOperationException()),
            routing => routing.ErrorMessage = "UserGems hit a snag.");

        await AssertJsonAsync(await app.PostFormAsync(TestPayloads.SlashCommand()), """{"response_type":"ephemeral","text":"UserGems hit a snag."}""");
    }
}
