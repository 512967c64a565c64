using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using SlackApp.Slack.Tests.WebApi;
using SlackApp.Slack.WebApi;
using static SlackApp.Slack.Tests.Routing.HttpAssertions;

namespace SlackApp.Slack.Tests.Routing;

public sealed class SlackListenerTests
{
    [Fact]
    public async Task Routes_actions_by_action_id_block_id_and_pattern()
    {
        var routed = new ConcurrentQueue<string>();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Action(new ActionConstraints("approve") { BlockId = "block-a" }, Recording(routed, "approve in a"))
            .Action(new ActionConstraints("approve") { BlockId = "block-b" }, Recording(routed, "approve in b"))
            .Action(new Regex("^workflow-edit-[0-9]+$"), Recording(routed, "edit"))
            .Action("acknowledge", Recording(routed, "acknowledge")));

        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("approve", blockId: "block-b")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("approve", blockId: "block-a")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("workflow-edit-42")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("workflow-edit-x")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("acknowledge", blockId: "anything")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("approve", blockId: "block-c")));

        Assert.Equal(["approve in b:approve", "approve in a:approve", "edit:workflow-edit-42", "acknowledge:acknowledge"], routed);
    }

    [Fact]
    public async Task Runs_only_the_first_matching_listener()
    {
        var routed = new ConcurrentQueue<string>();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Action(new Regex("^approve"), Recording(routed, "pattern"))
            .Action("approve", Recording(routed, "exact")));

        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("approve")));

        Assert.Equal(["pattern:approve"], routed);
    }

    [Fact]
    public async Task Routes_commands_view_submissions_and_shortcuts_by_their_ids()
    {
        var routed = new ConcurrentQueue<string>();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Command("/usergems", (request, _) => Done(routed, "command " + request.Payload.Text, request.Ack))
            .View("workflow-edit", (request, _) => Done(routed, "view " + request.Payload.View.PrivateMetadata, request.Ack))
            .View(new Regex("^other"), (request, _) => Done(routed, "other view", request.Ack))
            .Shortcut("create-workflow", (request, _) => Done(routed, "shortcut " + request.Payload.TriggerId, request.Ack)));

        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand("/UserGems", "help")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.ViewSubmission("workflow-edit")));
        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.GlobalShortcut("create-workflow")));

        Assert.Equal(["command help", "view wf-42", "shortcut 944799105734.773906753841.38b5894552bdd4a780554ee59d1f3638"], routed);
    }

    [Fact]
    public async Task Runs_middleware_in_registration_order_around_the_listener()
    {
        var steps = new ConcurrentQueue<string>();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Use(async (context, next) =>
            {
                steps.Enqueue("first");
                context.Items["tenant"] = "acme";
                await next();
                steps.Enqueue("first, after the listener");
            })
            .Use(async (_, next) =>
            {
                steps.Enqueue("second");
                await next();
            })
            .Command("/usergems", (request, _) =>
            {
                // No ack: the answer goes out only once the whole pipeline has unwound.
                steps.Enqueue($"listener for {request.Context.Items["tenant"]}");
                return Task.CompletedTask;
            }));

        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand()));

        Assert.Equal(["first", "second", "listener for acme", "first, after the listener"], steps);
    }

    [Fact]
    public async Task Skips_the_listener_when_a_middleware_does_not_call_next()
    {
        var listenerRan = false;
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Use((context, _) => Task.CompletedTask)
            .Command("/usergems", (request, _) =>
            {
                listenerRan = true;
                request.Ack("should not be seen");
                return Task.CompletedTask;
            }));

        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand()));

        Assert.False(listenerRan);
    }

    [Fact]
    public async Task Resolves_class_based_middleware_and_handlers_from_services()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Use<TenantMiddleware>()
            .Command<WorkflowCommand>("/usergems"));

        await AssertJsonAsync(await app.PostFormAsync(TestPayloads.SlashCommand(text: "list")), """{"response_type":"ephemeral","text":"tenant T0001 in 2024: list"}""");
    }

    [Fact]
    public async Task Gives_the_listener_the_workspace_installation_and_a_client_bound_to_its_bot_token()
    {
        var seen = new TaskCompletionSource<(Installation?, string, SlackContext)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Action("approve", (request, _) =>
        {
            seen.SetResult((request.Context.Installation, FakeSlackApiClients.TokenOf[request.Context.Client], request.Context));
            request.Ack();
            return Task.CompletedTask;
        }));
        app.Installations.Add(SlackTestApp.InstallationFor("T0001", "xoxb-workspace-1"));

        await AssertEmptyOkAsync(await app.PostInteractionAsync(TestPayloads.Button("approve")));

        var (installation, token, context) = await seen.Task.Within();
        Assert.Equal("T0001", installation?.TeamId);
        Assert.Equal("xoxb-workspace-1", token);
        Assert.True(context.IsInstalled);
        Assert.Equal("T0001", context.TeamId);
        Assert.Equal("U0CA5", context.UserId);
        Assert.Equal("C0CA5", context.ChannelId);
        Assert.Equal("https://hooks.slack.com/actions/T0001/1232321423432/abc", context.ResponseUrl);
        Assert.Equal("12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3", context.TriggerId);
        Assert.Equal(((string?)null, (string?)"T0001", false), Assert.Single(app.Installations.Lookups));
    }

    [Fact]
    public async Task Says_when_the_workspace_has_no_installation()
    {
        var seen = new TaskCompletionSource<(bool, Exception?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", (request, _) =>
        {
            seen.SetResult((request.Context.IsInstalled, Record.Exception(() => request.Context.Client)));
            request.Ack();
            return Task.CompletedTask;
        }));

        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand(teamId: "T-unknown")));

        var (isInstalled, exception) = await seen.Task.Within();
        Assert.False(isInstalled);
        var notInstalled = Assert.IsType<SlackAppNotInstalledException>(exception);
        Assert.Equal("T-unknown", notInstalled.TeamId);
        Assert.Equal(((string?)"E0001", (string?)"T-unknown", false), Assert.Single(app.Installations.Lookups));
    }

    [Fact]
    public async Task Responds_to_the_response_url_of_the_request()
    {
        await using var app = await SlackTestApp.StartAsync(slack => slack.Command("/usergems", async (request, ct) =>
        {
            request.Ack();
            await request.Context.RespondAsync("Workflow saved", ct);
        }));

        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand()));

        await app.ResponseUrls.FirstPost.Task.Within();
        var (url, message) = Assert.Single(app.ResponseUrls.Posts);
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", url);
        Assert.Equal("Workflow saved", message.Message?.Text);
        Assert.Equal(ResponseType.Ephemeral, message.ResponseType);
    }

    [Fact]
    public async Task Responds_through_the_web_api_response_url_client_that_routing_registers()
    {
        var slack = new FakeSlackHandler().Then(_ => FakeSlackHandler.Text("ok"));
        var responded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(
            slack => slack.Command("/usergems", async (request, ct) =>
            {
                request.Ack();
                await request.Context.RespondAsync(ResponseUrlMessage.InChannel(new Message("Workflow saved")), ct);
                responded.SetResult();
            }),
            responseUrlSlack: slack);

        await AssertEmptyOkAsync(await app.PostFormAsync(TestPayloads.SlashCommand()));
        await responded.Task.Within();

        var post = Assert.Single(slack.Requests);
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", post.Uri.ToString());
        Assert.Null(post.Authorization);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"text":"Workflow saved","response_type":"in_channel","replace_original":false}"""),
            post.JsonBody));
    }

    [Fact]
    public async Task Finds_the_installation_of_an_event_through_its_authorization()
    {
        var seen = new TaskCompletionSource<SlackContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await SlackTestApp.StartAsync(slack => slack.Event("app_home_opened", (request, _) =>
        {
            seen.SetResult(request.Context);
            return Task.CompletedTask;
        }));
        app.Installations.Add(SlackTestApp.InstallationFor("T0002", "xoxb-workspace-2"));

        await AssertEmptyOkAsync(await app.PostJsonAsync(TestPayloads.EventCallback("Ev1", TestPayloads.AppHomeOpened("U7"), teamId: "T0002")));

        var context = await seen.Task.Within();
        Assert.Equal("xoxb-workspace-2", context.Installation?.BotToken);
        Assert.Equal("U7", context.UserId);
        Assert.Equal("D0LAN2Q65", context.ChannelId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.RespondAsync("no response_url on events", TestContext.Current.CancellationToken));
    }

    private static Func<SlackActionRequest, CancellationToken, Task> Recording(ConcurrentQueue<string> routed, string name) =>
        (request, _) => Done(routed, $"{name}:{request.Action.ActionId}", request.Ack);

    private static Task Done(ConcurrentQueue<string> routed, string entry, Action ack)
    {
        routed.Enqueue(entry);
        ack();
        return Task.CompletedTask;
    }

    private sealed class TenantMiddleware : ISlackMiddleware
    {
        public Task InvokeAsync(SlackContext context, Func<Task> next)
        {
            context.Items["tenant"] = context.TeamId;
            return next();
        }
    }

    private sealed class WorkflowCommand(TimeProvider clock) : ISlackHandler<SlackCommandRequest>
    {
        public Task HandleAsync(SlackCommandRequest request, CancellationToken cancellationToken)
        {
            request.Ack($"tenant {request.Context.Items["tenant"]} in {clock.GetUtcNow().Year}: {request.Payload.Text}");
            return Task.CompletedTask;
        }
    }
}
