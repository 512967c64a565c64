using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.Routing;

namespace SlackApp.Slack.Tests.Routing;

public sealed class InMemoryEventDeduplicatorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registers_an_event_once_within_ten_minutes()
    {
        var deduplicator = Create();

        Assert.True(await deduplicator.TryRegisterAsync("Ev1", Ct));
        _time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        Assert.False(await deduplicator.TryRegisterAsync("Ev1", Ct));
        Assert.True(await deduplicator.TryRegisterAsync("Ev2", Ct));
    }

    [Fact]
    public async Task Counts_the_window_from_the_first_delivery_not_from_retries()
    {
        var deduplicator = Create();

        await deduplicator.TryRegisterAsync("Ev1", Ct);
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.False(await deduplicator.TryRegisterAsync("Ev1", Ct));
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await deduplicator.TryRegisterAsync("Ev1", Ct));
    }

    [Fact]
    public async Task Forgets_an_event_on_request()
    {
        var deduplicator = Create();

        await deduplicator.TryRegisterAsync("Ev1", Ct);
        await deduplicator.ForgetAsync("Ev1", Ct);

        Assert.True(await deduplicator.TryRegisterAsync("Ev1", Ct));
    }

    [Fact]
    public async Task Drops_expired_events_from_memory_while_remembering_recent_ones()
    {
        var deduplicator = Create();
        await deduplicator.TryRegisterAsync("Ev-old", Ct);
        _time.Advance(TimeSpan.FromMinutes(8));
        await deduplicator.TryRegisterAsync("Ev-recent", Ct);
        _time.Advance(TimeSpan.FromMinutes(3));

        Assert.True(await deduplicator.TryRegisterAsync("Ev-trigger-prune", Ct));

        Assert.Equal(2, deduplicator.Count);
        Assert.False(await deduplicator.TryRegisterAsync("Ev-recent", Ct));
    }

    private InMemoryEventDeduplicator Create() => new(_time, Options.Create(new SlackRoutingOptions()));
}
