using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SlackApp.Installations;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>
/// Finds a workspace member by email through <c>users.lookupByEmail</c>, remembering answers per workspace:
/// people found for <see cref="NotificationOptions.UserCacheDuration"/>, unknown emails for the shorter
/// <see cref="NotificationOptions.UserNotFoundCacheDuration"/> (they may join soon). Transient failures throw.
/// </summary>
public sealed class SlackUserDirectory(TimeProvider clock, IOptions<NotificationOptions> options)
{
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string TeamId, string Email), Entry> _cache = new();

    public async Task<UserLookup> FindByEmailAsync(Workspace workspace, ISlackApiClient client, string email, CancellationToken cancellationToken)
    {
        var key = (workspace.TeamId, email.Trim().ToLowerInvariant());
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Lookup;
        }

        UserLookup lookup;
        TimeSpan keep;
        try
        {
            var found = await client.UsersLookupByEmailAsync(email.Trim(), cancellationToken);
            lookup = found.User.Deleted
                ? UserLookup.Missing($"{UntrustedText.Mrkdwn(email)} is deactivated in this Slack workspace.")
                : UserLookup.Found(found.User.Id);
            keep = options.Value.UserCacheDuration;
        }
        catch (SlackApiException e) when (e.Error == "users_not_found")
        {
            lookup = UserLookup.Missing($"{UntrustedText.Mrkdwn(email)} is not in this Slack workspace.");
            keep = options.Value.UserNotFoundCacheDuration;
        }
        catch (SlackApiException e) when (!e.IsTransient)
        {
            // e.g. missing_scope: not the person's fault and not worth remembering.
            return UserLookup.Missing($"looking up {UntrustedText.Mrkdwn(email)} in Slack failed ({e.Error}).");
        }

        if (_cache.Count >= MaxEntries)
        {
            // A crude bound: the cache only saves calls, so dropping it all is always correct.
            _cache.Clear();
        }

        _cache[key] = new Entry(lookup, now + keep);
        return lookup;
    }

    private sealed record Entry(UserLookup Lookup, DateTimeOffset ExpiresAt);
}

/// <summary>The outcome of finding a person in Slack: their user id, or why they could not be found.</summary>
public sealed record UserLookup(string? UserId, string? Problem)
{
    public static UserLookup Found(string userId) => new(userId, null);

    public static UserLookup Missing(string problem) => new(null, problem);
}
