using System.Collections.Concurrent;

namespace SlackApp.Slack.OAuth;

/// <summary>Used states held in memory until they expire: right for a single instance.</summary>
public sealed class InMemoryOAuthStateStore(TimeProvider time) : IOAuthStateStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    /// <summary>States remembered now; expired ones are dropped on each call.</summary>
    public int Count => _used.Count;

    public Task<bool> TryConsumeAsync(string stateId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateId);
        ForgetExpired();
        return Task.FromResult(_used.TryAdd(stateId, expiresAt));
    }

    private void ForgetExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (id, expiresAt) in _used)
        {
            if (expiresAt < now)
            {
                _used.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, expiresAt));
            }
        }
    }
}
