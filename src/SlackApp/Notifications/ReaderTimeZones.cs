using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Slack.WebApi;

namespace SlackApp.Notifications;

/// <summary>
/// A DM reader's own time zone, from <c>users.info</c> (<c>tz</c>), remembered per workspace for
/// <see cref="NotificationOptions.UserCacheDuration"/>. Asked only when an item's timing depends on it (a daily
/// digest, a daily cap, quiet hours), so instant notifications cost no extra call.
/// </summary>
public sealed class ReaderTimeZones(TimeProvider clock, IOptions<NotificationOptions> options, ILogger<ReaderTimeZones> logger)
{
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string TeamId, string UserId), Entry> _cache = new();

    /// <summary>The reader's zone; null when Slack gives none, names one this machine does not know, or cannot be asked now.</summary>
    public async Task<TimeZoneInfo?> FindAsync(Workspace workspace, ISlackApiClient client, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var key = (workspace.TeamId, userId);
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.ExpiresAt > now)
        {
            return ZonedTime.Find(cached.TimeZone);
        }

        string? tz;
        try
        {
            tz = (await client.UsersInfoAsync(userId, cancellationToken)).User.Tz;
        }
        catch (SlackApiException e)
        {
            // The workspace's zone stands in: a digest an hour off beats a notification held back for a lookup.
            logger.LogInformation("users.info for {UserId} of {Workspace} failed ({Error}); using the workspace's time zone", userId, workspace, e.Error);
            return null;
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[key] = new Entry(tz, now + options.Value.UserCacheDuration);
        return ZonedTime.Find(tz);
    }

    private sealed record Entry(string? TimeZone, DateTimeOffset ExpiresAt);
}
