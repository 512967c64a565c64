using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Notifications;

namespace SlackApp.Tests.Notifications;

public sealed class DeliveryPacingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private DeliveryPacer Pacer(Action<NotificationOptions>? configure = null)
    {
        var options = new NotificationOptions();
        configure?.Invoke(options);
        return new DeliveryPacer(_clock, Options.Create(options));
    }

    [Fact]
    public void One_channel_gets_one_message_per_second()
    {
        using var pacer = Pacer();

        Assert.Null(pacer.TryTake("T1", "C1"));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(1), pacer.TryTake("T1", "C1"));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.NotNull(pacer.TryTake("T1", "C1"));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(pacer.TryTake("T1", "C1"));
    }

    [Fact]
    public void Other_channels_and_workspaces_are_not_held_up_by_a_busy_channel()
    {
        using var pacer = Pacer();

        Assert.Null(pacer.TryTake("T1", "C1"));
        Assert.Null(pacer.TryTake("T1", "C2"));
        Assert.Null(pacer.TryTake("T2", "C1"));
    }

    [Fact]
    public void A_workspace_gets_its_burst_then_its_rate_across_channels()
    {
        using var pacer = Pacer(o => { o.WorkspaceBurst = 3; o.WorkspaceMessagesPerSecond = 2; });

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(pacer.TryTake("T1", $"C{i}"));
        }

        Assert.Equal(_clock.GetUtcNow().AddSeconds(0.5), pacer.TryTake("T1", "C9"));
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Null(pacer.TryTake("T1", "C9"));
    }

    [Fact]
    public void A_refused_send_takes_no_token_from_the_other_bucket()
    {
        using var pacer = Pacer(o => { o.WorkspaceBurst = 2; o.WorkspaceMessagesPerSecond = 1; });

        Assert.Null(pacer.TryTake("T1", "C1"));
        Assert.NotNull(pacer.TryTake("T1", "C1"));
        Assert.NotNull(pacer.TryTake("T1", "C1"));

        // The refusals above (channel C1 busy) left the workspace's second token in place.
        Assert.Null(pacer.TryTake("T1", "C2"));
    }

    [Fact]
    public void A_hold_stops_every_channel_of_the_workspace_until_it_ends()
    {
        using var pacer = Pacer();
        var until = _clock.GetUtcNow().AddSeconds(2);

        pacer.Hold("T1", until);

        Assert.Equal(until, pacer.TryTake("T1", "C1"));
        Assert.Equal(until, pacer.TryTake("T1", "C2"));
        Assert.Null(pacer.TryTake("T2", "C1"));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(pacer.TryTake("T1", "C1"));
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
