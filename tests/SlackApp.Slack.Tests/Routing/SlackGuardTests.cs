using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SlackApp.Slack.Routing;
using static SlackApp.Slack.Tests.Routing.HttpAssertions;

namespace SlackApp.Slack.Tests.Routing;

/// <summary>Guards declared at registration, and the constraints that pick a listener by text or value.</summary>
public sealed class SlackGuardTests
{
    // The guards are created per request by the platform; tests of one class never run in parallel.
    private static readonly ConcurrentQueue<string> Steps = new();

    [Fact]
    public async Task A_refusing_guard_answers_the_request_and_the_listener_never_runs()
    {
        var routed = new ConcurrentQueue<string>();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Require<RefuseCommands>(guarded => guarded.Command("/usergems", (request, _) => Done(routed, "listener", request.Ack))));

        var response = await app.PostFormAsync(TestPayloads.SlashCommand("/usergems", "delete Execs"));

        await AssertJsonAsync(response, """{"text":"Sorry, you can't.","response_type":"ephemeral"}""");
        Assert.Empty(routed);
    }

    [Fact]
    public async Task Guards_run_outer_first_and_only_on_the_listeners_declared_inside()
    {
        var steps = Steps;
        steps.Clear();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Require<OuterGuard>(outer => outer
                .Require<InnerGuard>(inner => inner.Action("inner", (request, _) => Done(steps, "inner listener", request.Ack)))
                .Action("outer", (request, _) => Done(steps, "outer listener", request.Ack)))
            .Action("free", (request, _) => Done(steps, "free listener", request.Ack)));

        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("inner")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("outer")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("free")));

        Assert.Equal(["outer", "inner", "inner listener", "outer", "outer listener", "free listener"], steps);
    }

    [Fact]
    public async Task Command_text_picks_the_listener_so_each_subcommand_can_carry_its_own_guards()
    {
        var routed = new ConcurrentQueue<string>();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Command(new CommandConstraints("/usergems") { Text = new Regex("^(delete|pause)\\b") }, (request, _) => Done(routed, "changes " + request.Payload.Text, request.Ack))
            .Command("/usergems", (request, _) => Done(routed, "anything else " + request.Payload.Text, request.Ack)));

        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand("/usergems", "  pause Execs")));
        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand("/usergems", "list")));
        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand("/usergems", "paused")));

        Assert.Equal(["changes   pause Execs", "anything else list", "anything else paused"], routed);
    }

    [Fact]
    public async Task Action_value_picks_the_listener()
    {
        var routed = new ConcurrentQueue<string>();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Action(new ActionConstraints("menu") { Value = ListenerId.Where(v => v.StartsWith("delete:", StringComparison.Ordinal), "delete:*") }, (request, _) => Done(routed, "delete", request.Ack))
            .Action("menu", (request, _) => Done(routed, "other", request.Ack)));

        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("menu", value: "delete:12")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("menu", value: "edit:12")));

        Assert.Equal(["delete", "other"], routed);
    }

    private static Task Done(ConcurrentQueue<string> routed, string entry, Action ack)
    {
        routed.Enqueue(entry);
        ack();
        return Task.CompletedTask;
    }

    private sealed class RefuseCommands : ISlackGuard
    {
        public Task InvokeAsync(SlackRequest request, Func<Task> next, CancellationToken cancellationToken)
        {
            ((SlackCommandRequest)request).Ack("Sorry, you can't.");
            return Task.CompletedTask;
        }
    }

    private sealed class OuterGuard : ISlackGuard
    {
        public Task InvokeAsync(SlackRequest request, Func<Task> next, CancellationToken cancellationToken)
        {
            Steps.Enqueue("outer");
            return next();
        }
    }

    private sealed class InnerGuard : ISlackGuard
    {
        public Task InvokeAsync(SlackRequest request, Func<Task> next, CancellationToken cancellationToken)
        {
            Steps.Enqueue("inner");
            return next();
        }
    }
}
