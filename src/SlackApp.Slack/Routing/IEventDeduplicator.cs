namespace SlackApp.Slack.Routing;

/// <summary>Remembers Events API event_ids so that Slack's redeliveries are processed once.</summary>
public interface IEventDeduplicator
{
    /// <summary>Records <paramref name="eventId"/>; false when it was already recorded within the deduplication window.</summary>
    ValueTask<bool> TryRegisterAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="eventId"/>, so that Slack's next redelivery is processed (used when it could not be queued).</summary>
    ValueTask ForgetAsync(string eventId, CancellationToken cancellationToken);
}
