using System.Text.Json.Nodes;
using SlackApp.Notifications;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Notifications;

/// <summary>
/// Many messages with Slack at once, across channels, while each channel gets one at a time in the order its signals
/// arrived. The hosted worker is off; every pass is driven here, on a fake clock.
/// </summary>
public sealed class DeliveryOrderTests
{
    // Only a broken flow waits this long; a held fake Slack call gives up after it so a failing test cannot hang.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Other_channels_are_sent_while_one_waits_for_Slack_and_its_next_message_waits_its_turn()
    {
        await using var app = await PlannedOutbox.AppAsync(["C0SLOW", "C0FAST"]);
        await PlannedOutbox.PlanAsync(app, "sig_1", "sig_2");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        app.Slack.OnHeld("chat.postMessage", async (call, ct) =>
        {
            if (call.Field("channel") == "C0SLOW" && Interlocked.Increment(ref held) == 1)
            {
                await release.Task.WaitAsync(Patience, ct);
            }

            return null;
        });

        var pass = app.DeliverAsync();
        await app.Slack.WaitForAsync("chat.postMessage", c => c.Field("channel") == "C0FAST").WaitAsync(Patience, NotificationsApp.Ct);

        // C0FAST went while C0SLOW's first message was still with Slack, and C0SLOW's second did not overtake it.
        Assert.Empty(app.Posts("C0SLOW"));
        Assert.Equal(1, held);
        release.SetResult();
        await pass;

        await DeliverEverythingAsync(app);
        Assert.Equal(await SignalOrderAsync(app, "C0SLOW"), DeliveryIds(app.Posts("C0SLOW")));
        Assert.Equal(await SignalOrderAsync(app, "C0FAST"), DeliveryIds(app.Posts("C0FAST")));
    }

    [Fact]
    public async Task A_message_waiting_for_a_retry_holds_its_channels_later_messages_back_but_not_other_channels()
    {
        await using var app = await PlannedOutbox.AppAsync(["C0FLAKY", "C0FINE"]);
        await PlannedOutbox.PlanAsync(app, "sig_1", "sig_2");
        var failures = 0;
        app.Slack.On("chat.postMessage", call =>
            call.Field("channel") == "C0FLAKY" && Interlocked.Increment(ref failures) == 1 ? FakeSlackAnswer.ServerError() : null);

        await app.DeliverAsync();
        // Past the channel's pace, not past the first message's backoff (5 to 10 s).
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.DeliverAsync();

        Assert.Equal(2, app.Posts("C0FINE").Count);
        var first = (await SignalOrderAsync(app, "C0FLAKY"))[0];
        Assert.Equal([first], DeliveryIds(app.Posts("C0FLAKY")));

        await DeliverEverythingAsync(app);
        var flaky = DeliveryIds(app.Posts("C0FLAKY"));
        // The failed attempt, then its retry, then the second signal's message.
        Assert.Equal(await SignalOrderAsync(app, "C0FLAKY"), flaky.Distinct());
        Assert.All(await app.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    // Passes a minute apart until nothing waits (backoffs and pacing are far shorter).
    private static async Task DeliverEverythingAsync(NotificationsApp app)
    {
        for (var i = 0; i < 10 && (await app.DeliveriesAsync()).Any(d => d.Status is DeliveryStatus.Pending or DeliveryStatus.Sending); i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.DeliverAsync();
        }
    }

    private static async Task<IReadOnlyList<long>> SignalOrderAsync(NotificationsApp app, string channel) =>
        [.. (await app.DeliveriesAsync()).Where(d => d.RecipientId == channel).OrderBy(d => d.SignalRowId).Select(d => d.Id)];

    private static IReadOnlyList<long> DeliveryIds(IEnumerable<SlackCall> posts) => [.. posts.Select(Id)];

    private static long Id(SlackCall post) =>
        Assert.IsType<JsonObject>(post.Body["metadata"])["event_payload"]?["delivery_id"]?.GetValue<long>() ?? throw new InvalidOperationException("no delivery id");
}
