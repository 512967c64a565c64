using Dapper;
using Microsoft.Extensions.Options;
using SlackApp.Data;
using SlackApp.Slack.Routing;

namespace SlackApp.Installations;

/// <summary>
/// Slack's event retries recognised across every instance sharing the database: the first instance to
/// record an <c>event_id</c> processes it; a redelivery within the window, wherever it lands, is dropped.
/// </summary>
public sealed class DatabaseEventDeduplicator(DbConnectionFactory connections, IOptions<SlackRoutingOptions> options, TimeProvider clock) : IEventDeduplicator
{
    public async ValueTask<bool> TryRegisterAsync(string eventId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM slack_events WHERE received_at < @Cutoff",
            new { Cutoff = now - options.Value.EventDeduplicationWindow },
            cancellationToken: cancellationToken));
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            connections.Dialect.InsertIfAbsent("slack_events", ["event_id"], ["received_at"]),
            new { event_id = eventId, received_at = now },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async ValueTask ForgetAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM slack_events WHERE event_id = @EventId", new { EventId = eventId }, cancellationToken: cancellationToken));
    }
}
