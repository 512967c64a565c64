using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Notifications;

namespace SlackApp.Tests.Notifications;

public sealed class DeliveryPacingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private long _nextDelivery = 1;

    private DateTimeOffset Now => _clock.GetUtcNow();

    private DeliveryPacer Pacer(Action<NotificationOptions>? configure = null)
    {
        var options = new NotificationOptions();
        configure?.Invoke(options);
        return new DeliveryPacer(_clock, Options.Create(options));
    }

    private DateTimeOffset? Admit(DeliveryPacer pacer, string teamId, string channel) => pacer.Admit(teamId, channel, _nextDelivery++);

    [Fact]
    public void One_channel_gets_one_message_per_second()
    {
        var pacer = Pacer();

        Assert.Null(Admit(pacer, "T1", "C1"));
        Assert.Equal(Now.AddSeconds(1), Admit(pacer, "T1", "C1"));
        Assert.Equal(Now.AddSeconds(2), Admit(pacer, "T1", "C1"));
    }

    [Fact]
    public void A_delivery_that_comes_back_at_its_booked_slot_goes_at_once_and_books_nothing_more()
    {
        var pacer = Pacer();
        Assert.Null(pacer.Admit("T1", "C1", 1));
        var slot = pacer.Admit("T1", "C1", 2);
        Assert.Equal(Now.AddSeconds(1), slot);

        // Too early: still its own slot, not a later one.
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(slot, pacer.Admit("T1", "C1", 2));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Null(pacer.Admit("T1", "C1", 2));

        // The next one of the channel follows one second after that slot: delivery 2 booked only one.
        Assert.Equal(Now.AddSeconds(1), pacer.Admit("T1", "C1", 3));
    }

    [Fact]
    public void Waiting_messages_of_a_workspace_get_distinct_slots_at_its_pace()
    {
        var pacer = Pacer(o => { o.WorkspaceBurst = 2; o.WorkspaceMessagesPerSecond = 10; });

        var slots = Enumerable.Range(0, 6).Select(i => Admit(pacer, "T1", $"C{i}") ?? Now).ToList();

        // Two at once (the burst), then one every 100 ms: no two waiting messages retry at the same instant.
        Assert.Equal([0.0, 0, 100, 200, 300, 400], slots.Select(s => Math.Round((s - Now).TotalMilliseconds)));
    }

    [Fact]
    public void Other_channels_and_workspaces_are_not_held_up_by_a_busy_channel()
    {
        var pacer = Pacer();

        Assert.Null(Admit(pacer, "T1", "C1"));
        Assert.NotNull(Admit(pacer, "T1", "C1"));
        Assert.Null(Admit(pacer, "T1", "C2"));
        Assert.Null(Admit(pacer, "T2", "C1"));
    }

    [Fact]
    public void A_channel_waits_for_the_later_of_its_own_and_its_workspace_slot()
    {
        var pacer = Pacer(o => { o.WorkspaceBurst = 1; o.WorkspaceMessagesPerSecond = 0.5; });

        Assert.Null(Admit(pacer, "T1", "C1"));
        // The channel could go in 1 s, the workspace only in 2 s.
        Assert.Equal(Now.AddSeconds(2), Admit(pacer, "T1", "C1"));
    }

    [Fact]
    public void A_429_holds_every_channel_of_the_workspace_until_Retry_After_and_halves_its_pace()
    {
        var pacer = Pacer(o => { o.WorkspaceBurst = 1; o.WorkspaceMessagesPerSecond = 10; });
        var until = Now.AddSeconds(2);

        pacer.RateLimited("T1", until);

        Assert.Equal(until, Admit(pacer, "T1", "C1"));
        Assert.Equal(until, Admit(pacer, "T1", "C2"));
        Assert.Null(Admit(pacer, "T2", "C1"));
        Assert.Equal(5, pacer.CurrentPace("T1"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(Admit(pacer, "T1", "C1"));
        // No burst right after the hold: the next one waits a whole interval at the halved pace (5/s).
        Assert.Equal(Now.AddMilliseconds(200), Admit(pacer, "T1", "C2"));
    }

    [Fact]
    public void After_a_429_the_pace_climbs_back_additively_to_the_ceiling_and_no_further()
    {
        var pacer = Pacer(o => o.WorkspaceMessagesPerSecond = 40);
        pacer.RateLimited("T1", Now.AddSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(20, pacer.CurrentPace("T1"), precision: 6);

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(30, pacer.CurrentPace("T1"), precision: 6);

        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(40, pacer.CurrentPace("T1"), precision: 6);
    }

    [Fact]
    public void Repeated_429s_keep_halving_but_never_stop_the_workspace()
    {
        var pacer = Pacer(o => o.WorkspaceMessagesPerSecond = 64);
        for (var i = 0; i < 20; i++)
        {
            pacer.RateLimited("T1", Now);
        }

        Assert.Equal(1, pacer.CurrentPace("T1"), precision: 6);
    }

    [Fact]
    public void Slots_booked_before_a_429_are_given_up_and_booked_again_after_the_hold()
    {
        var pacer = Pacer(o => { o.WorkspaceBurst = 1; o.WorkspaceMessagesPerSecond = 10; });
        Assert.Null(pacer.Admit("T1", "C1", 1));
        Assert.Equal(Now.AddMilliseconds(100), pacer.Admit("T1", "C2", 2));

        var until = Now.AddSeconds(3);
        pacer.RateLimited("T1", until);
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        // Its old slot is gone: it waits for the hold like everyone else.
        Assert.Equal(until, pacer.Admit("T1", "C2", 2));
    }

    [Theory]
    [InlineData(1, 0.0, 5)]
    [InlineData(1, 0.999999, 10)]
    [InlineData(2, 0.0, 10)]
    [InlineData(3, 1.0, 40)]
    [InlineData(30, 1.0, 600)]
    public void Backoff_doubles_per_failure_is_capped_and_jittered_between_half_and_all(int failures, double jitter, double expectedSeconds)
    {
        var delay = DeliveryBackoff.Delay(failures, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10), jitter);

        Assert.Equal(expectedSeconds, delay.TotalSeconds, precision: 3);
    }
}
