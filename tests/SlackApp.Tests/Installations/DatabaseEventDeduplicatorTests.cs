using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.Tests.Data;

namespace SlackApp.Tests.Installations;

public sealed class DatabaseEventDeduplicatorTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DatabaseEventDeduplicator Instance() =>
        new(_db.Connections, Options.Create(new SlackRoutingOptions { EventDeduplicationWindow = TimeSpan.FromMinutes(10) }), _db.Clock);

    [Fact]
    public async Task A_redelivery_reaching_another_instance_is_recognised()
    {
        Assert.True(await Instance().TryRegisterAsync("Ev0PV52K21", _ct));

        Assert.False(await Instance().TryRegisterAsync("Ev0PV52K21", _ct));
        Assert.True(await Instance().TryRegisterAsync("Ev0OTHER00", _ct));
    }

    [Fact]
    public async Task Event_ids_are_remembered_for_the_window_then_pruned()
    {
        var deduplicator = Instance();
        await deduplicator.TryRegisterAsync("Ev0PV52K21", _ct);

        _db.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(await deduplicator.TryRegisterAsync("Ev0PV52K21", _ct));
        _db.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await deduplicator.TryRegisterAsync("Ev0PV52K21", _ct));
    }

    [Fact]
    public async Task A_forgotten_event_is_processed_on_its_next_delivery()
    {
        var deduplicator = Instance();
        await deduplicator.TryRegisterAsync("Ev0PV52K21", _ct);

        await deduplicator.ForgetAsync("Ev0PV52K21", _ct);

        Assert.True(await deduplicator.TryRegisterAsync("Ev0PV52K21", _ct));
    }

    public void Dispose() => _db.Dispose();
}
