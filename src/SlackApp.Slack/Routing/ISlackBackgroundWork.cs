namespace SlackApp.Slack.Routing;

/// <summary>
/// The listener work still running after its ack (events, lazy listeners): how much, and a way to
/// wait until none is left — for graceful shutdown and deterministic tests.
/// </summary>
public interface ISlackBackgroundWork
{
    /// <summary>Runs queued or running.</summary>
    int Pending { get; }

    /// <summary>Completes when no run is queued or running.</summary>
    Task WhenIdleAsync(CancellationToken cancellationToken);
}
