namespace SlackApp.Slack.OAuth;

/// <summary>Remembers which OAuth <c>state</c> values were used, so each works once; replace it with a shared store when running several instances.</summary>
public interface IOAuthStateStore
{
    /// <summary>
    /// Marks <paramref name="stateId"/> used and returns true, or returns false when it was used before. Must be atomic.
    /// The record may be forgotten after <paramref name="expiresAt"/>, when the state is refused as expired anyway.
    /// </summary>
    Task<bool> TryConsumeAsync(string stateId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
