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
/// Lookups of the same email while its call is running share that call, and at most
/// <see cref="NotificationOptions.MaxConcurrentLookups"/> calls run at once, so a batch can ask for all its
/// people together. <c>users.lookupByEmail</c> is a Tier 3 method (about 50 a minute): once Slack answers 429 for a
/// workspace, its lookups fail at once, without a call, until Slack's <c>Retry-After</c> has passed, so a batch of
/// new owners does not keep hammering a limit it already met (their signals are retried later).
/// </summary>
public sealed class SlackUserDirectory(TimeProvider clock, IOptions<NotificationOptions> options) : IDisposable
{
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string TeamId, string Email), Entry> _cache = new();
    private readonly ConcurrentDictionary<(string TeamId, string Email), Lazy<Task<UserLookup>>> _running = new();
    private readonly SemaphoreSlim _calls = new(options.Value.MaxConcurrentLookups, options.Value.MaxConcurrentLookups);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);

    // When Slack says 429 without saying for how long.
    private static readonly TimeSpan DefaultHold = TimeSpan.FromSeconds(30);

    /// <remarks>
    /// A shared call runs on the token of the caller that started it; in a matching pass every caller has the same one.
    /// Each caller stops waiting when its own token is cancelled.
    /// </remarks>
    public async Task<UserLookup> FindByEmailAsync(Workspace workspace, ISlackApiClient client, string email, CancellationToken cancellationToken)
    {
        var key = (workspace.TeamId, email.Trim().ToLowerInvariant());
        if (Cached(key) is { } cached)
        {
            return cached;
        }

        var call = _running.GetOrAdd(key, k => new Lazy<Task<UserLookup>>(() => LookUpAsync(k, client, email.Trim(), cancellationToken)));
        return await call.Value.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="userId"/> (an owner mapping's user) is still an active member, through <c>users.info</c>,
    /// remembered like an email's answer. Transient failures throw.
    /// </summary>
    public async Task<UserLookup> FindByIdAsync(Workspace workspace, ISlackApiClient client, string userId, CancellationToken cancellationToken)
    {
        // "@" never starts an email, so ids and emails share the cache without meeting.
        var key = (workspace.TeamId, "@" + userId);
        if (Cached(key) is { } cached)
        {
            return cached;
        }

        UserLookup lookup;
        TimeSpan keep;
        try
        {
            var found = await client.UsersInfoAsync(userId, cancellationToken);
            lookup = found.User.Deleted ? UserLookup.Missing($"<@{userId}> is deactivated.") : UserLookup.Found(found.User.Id);
            keep = options.Value.UserCacheDuration;
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "users_not_found")
        {
            lookup = UserLookup.Missing($"{userId} is no longer in this Slack workspace.");
            keep = options.Value.UserNotFoundCacheDuration;
        }

        _cache[key] = new Entry(lookup, clock.GetUtcNow() + keep);
        return lookup;
    }

    public void Dispose() => _calls.Dispose();

    private async Task<UserLookup> LookUpAsync((string TeamId, string Email) key, ISlackApiClient client, string email, CancellationToken cancellationToken)
    {
        try
        {
            // Answered by a call that ended between the caller's cache check and this call's start.
            if (Cached(key) is { } cached)
            {
                return cached;
            }

            await _calls.WaitAsync(cancellationToken);
            try
            {
                return await CallSlackAsync(key, client, email, cancellationToken);
            }
            finally
            {
                _calls.Release();
            }
        }
        finally
        {
            // Only this call is registered under the key until now (GetOrAdd returns it meanwhile); the next caller
            // finds the answer in the cache or, after a failure, makes a fresh call.
            _running.TryRemove(key, out _);
        }
    }

    private async Task<UserLookup> CallSlackAsync((string TeamId, string Email) key, ISlackApiClient client, string email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_heldUntil.TryGetValue(key.TeamId, out var heldUntil) && heldUntil > now)
        {
            throw new SlackRateLimitedException(SlackApiMethods.UsersLookupByEmail, heldUntil - now);
        }

        UserLookup lookup;
        TimeSpan keep;
        try
        {
            var found = await client.UsersLookupByEmailAsync(email, cancellationToken);
            lookup = found.User.Deleted
                ? UserLookup.NotFound($"{UntrustedText.Mrkdwn(email)} is deactivated in this Slack workspace.")
                : UserLookup.Found(found.User.Id);
            keep = options.Value.UserCacheDuration;
        }
        catch (SlackRateLimitedException e)
        {
            _heldUntil[key.TeamId] = clock.GetUtcNow() + (e.RetryAfter ?? DefaultHold);
            throw;
        }
        catch (SlackApiException e) when (e.Error == "users_not_found")
        {
            lookup = UserLookup.NotFound($"{UntrustedText.Mrkdwn(email)} is not in this Slack workspace.");
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

    private UserLookup? Cached((string TeamId, string Email) key) =>
        _cache.TryGetValue(key, out var cached) && cached.ExpiresAt > clock.GetUtcNow() ? cached.Lookup : null;

    private sealed record Entry(UserLookup Lookup, DateTimeOffset ExpiresAt);
}

/// <summary>The outcome of finding a person in Slack: their user id, or why they could not be found.</summary>
public sealed record UserLookup(string? UserId, string? Problem)
{
    public static UserLookup Found(string userId) => new(userId, null);

    public static UserLookup Missing(string problem) => new(null, problem);

    /// <summary>Slack knows no active member with that email: an admin may map it to someone (owner mapping).</summary>
    public static UserLookup NotFound(string problem) => new(null, problem) { EmailNotFound = true };

    public bool EmailNotFound { get; init; }
}
