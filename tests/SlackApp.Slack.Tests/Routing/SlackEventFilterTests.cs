using System.Collections.Concurrent;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;
using static SlackApp.Slack.Tests.Routing.HttpAssertions;

namespace SlackApp.Slack.Tests.Routing;

public sealed class SlackEventFilterTests
{
    [Fact]
    public async Task An_event_listener_with_a_condition_takes_only_the_events_it_accepts_and_leaves_the_rest_to_later_listeners()
    {
        var messages = new ConcurrentQueue<string>();
        var home = new ConcurrentQueue<string>();
        await using var app = await SlackTestApp.StartAsync(slack => slack
            .Event("app_home_opened", e => e is AppHomeOpenedEvent { Tab: "messages" }, (request, _) => Record(messages, request))
            .Event("app_home_opened", (request, _) => Record(home, request)));

        await AssertEmptyOkAsync(await app.PostJsonAsync(TestPayloads.EventCallback("Ev1", TestPayloads.AppHomeOpened("U1"))));
        await AssertEmptyOkAsync(await app.PostJsonAsync(TestPayloads.EventCallback("Ev2", TestPayloads.AppHomeOpened("U2").Replace("\"tab\": \"home\"", "\"tab\": \"messages\"", StringComparison.Ordinal))));
        await app.Service<ISlackBackgroundWork>().WhenIdleAsync(TestContext.Current.CancellationToken).Within();

        Assert.Equal(["U1 home"], home);
        Assert.Equal(["U2 messages"], messages);
    }

    private static Task Record(ConcurrentQueue<string> seen, SlackEventRequest request)
    {
        var opened = (AppHomeOpenedEvent)request.Event;
        seen.Enqueue($"{opened.User} {opened.Tab}");
        return Task.CompletedTask;
    }
}
