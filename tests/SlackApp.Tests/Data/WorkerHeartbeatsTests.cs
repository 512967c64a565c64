using Microsoft.Extensions.Time.Testing;
using SlackApp.Data;

namespace SlackApp.Tests.Data;

public sealed class WorkerHeartbeatsTests
{
    [Fact]
    public void A_worker_is_stale_only_once_three_of_its_intervals_and_a_minute_pass_without_a_round()
    {
        var clock = new FakeTimeProvider();
        var heartbeats = new WorkerHeartbeats(clock);
        heartbeats.Beat("Poller", TimeSpan.FromSeconds(30));
        heartbeats.Beat("Hourly", TimeSpan.FromHours(1));

        clock.Advance(TimeSpan.FromSeconds(150));
        Assert.All(heartbeats.Read(), w => Assert.False(w.Stale));

        clock.Advance(TimeSpan.FromSeconds(1));
        var poller = Assert.Single(heartbeats.Read(), w => w.Stale);
        Assert.Equal("Poller", poller.Heartbeat.Worker);

        heartbeats.Beat("Poller", TimeSpan.FromSeconds(30));
        Assert.All(heartbeats.Read(), w => Assert.False(w.Stale));
    }

    [Fact]
    public void A_worker_that_never_ran_is_not_listed()
    {
        Assert.Empty(new WorkerHeartbeats(new FakeTimeProvider()).Read());
    }
}
