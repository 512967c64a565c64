using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SlackApp.Installations;

/// <summary>
/// Installations (bot tokens decrypted), workspace statuses and settings as last read, so a Slack request or a signal
/// does no database read or decryption when nothing changed. Every change made through this instance (install,
/// uninstall, token refresh, org links, settings, signal secret, managers) clears it at once; an entry lives at most
/// <see cref="InstallationCacheOptions.CacheDuration"/>, so changes made by another instance sharing the database are
/// seen within that time. Changes are rare and clearing everything keeps org-wide installs (one row serving many
/// workspaces) simple to get right.
/// </summary>
public sealed class InstallationCache(IOptions<InstallationCacheOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private readonly Lock _gate = new();
    private readonly TimeSpan _duration = options.Value.CacheDuration;
    private long _generation;

    /// <summary>The cached answer for <paramref name="kind"/> and <paramref name="id"/>, or <paramref name="read"/>'s, then kept.</summary>
    public async Task<T> GetOrReadAsync<T>(string kind, string id, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (_duration <= TimeSpan.Zero)
        {
            return await read(cancellationToken);
        }

        var key = new Key(kind, id);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now)
        {
            return (T)entry.Value!;
        }

        var generation = Volatile.Read(ref _generation);
        var value = await read(cancellationToken);
        lock (_gate)
        {
            // A change committed while this read ran may not be in what it read: keep it only if nothing changed since.
            if (_generation == generation)
            {
                _entries[key] = new Entry(value, now + _duration);
            }
        }

        return value;
    }

    /// <summary>Forgets everything: called after every change to installations, org links or workspace settings.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _generation++;
            _entries.Clear();
        }
    }

    private readonly record struct Key(string Kind, string Id);

    private sealed record Entry(object? Value, DateTimeOffset ExpiresAt);
}
