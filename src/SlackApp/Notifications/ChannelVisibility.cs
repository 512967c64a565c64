using System.Collections.Concurrent;
using SlackApp.Installations;
using SlackApp.Slack.WebApi;

namespace SlackApp.Notifications;

/// <summary>
/// Which of the workspace's notification channels one person can see: every public channel, and the private ones they
/// are a member of. Public or private comes from <c>conversations.info</c> (<c>channels:read</c>/<c>groups:read</c>),
/// remembered for <see cref="PrivacyCacheDuration"/> per workspace since it almost never changes and a Home tab is
/// drawn often. Membership comes from <c>users.conversations</c> with <c>user=</c> and the bot token, which lists
/// the private channels the person shares with the bot (the bot is in every private channel it posted to); it is asked
/// at most once per call, never remembered, so someone who left a channel stops seeing it on their next Home tab.
/// Any failure hides the channel: a list that shows too little is better than one that shows what it should not.
/// </summary>
public sealed class ChannelVisibility(TimeProvider clock, ILogger<ChannelVisibility> logger)
{
    public static readonly TimeSpan PrivacyCacheDuration = TimeSpan.FromMinutes(10);

    private const int MaxEntries = 50_000;
    private const int MaxMembershipPages = 20;

    private readonly ConcurrentDictionary<(string TeamId, string ChannelId), Privacy> _privacy = new();

    /// <summary>The channels of <paramref name="channelIds"/> that <paramref name="userId"/> can see.</summary>
    public async Task<IReadOnlyList<string>> VisibleAsync(Workspace workspace, string userId, ISlackApiClient client, IReadOnlyCollection<string> channelIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(channelIds);
        var visible = new List<string>();
        var privateOnes = new List<string>();
        foreach (var channel in channelIds.Distinct(StringComparer.Ordinal))
        {
            switch (await IsPrivateAsync(workspace, client, channel, cancellationToken))
            {
                case false:
                    visible.Add(channel);
                    break;
                case true:
                    privateOnes.Add(channel);
                    break;
            }
        }

        if (privateOnes.Count > 0)
        {
            var member = await PrivateChannelsOfAsync(workspace, userId, client, cancellationToken);
            visible.AddRange(privateOnes.Where(member.Contains));
        }

        return visible;
    }

    // True: private; false: public; null: unknown (gone, or the bot is not in it), which hides it.
    private async Task<bool?> IsPrivateAsync(Workspace workspace, ISlackApiClient client, string channel, CancellationToken cancellationToken)
    {
        var key = (workspace.TeamId, channel);
        var now = clock.GetUtcNow();
        if (_privacy.TryGetValue(key, out var cached) && cached.ExpiresAt > now)
        {
            return cached.IsPrivate;
        }

        bool? isPrivate;
        try
        {
            var info = (await client.ConversationsInfoAsync(channel, cancellationToken)).Channel;
            isPrivate = info.IsPrivate || info.IsIm || info.IsMpim;
        }
        catch (SlackApiException e) when (e.Error is "channel_not_found")
        {
            isPrivate = null;
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Could not tell whether {Channel} of {Workspace} is public ({Error}); hidden from members' Home tabs for now", channel, workspace, e.Error);
            return null;
        }

        if (_privacy.Count >= MaxEntries)
        {
            // The cache only saves calls: dropping it all is always correct.
            _privacy.Clear();
        }

        _privacy[key] = new Privacy(isPrivate, now + PrivacyCacheDuration);
        return isPrivate;
    }

    private async Task<HashSet<string>> PrivateChannelsOfAsync(Workspace workspace, string userId, ISlackApiClient client, CancellationToken cancellationToken)
    {
        var channels = new HashSet<string>(StringComparer.Ordinal);
        var query = new UsersConversationsQuery(userId) { Types = ["private_channel"] };
        try
        {
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await client.UsersConversationsAsync(query, cursor, cancellationToken);
                channels.UnionWith(page.Channels.Select(c => c.Id));
                cursor = page.NextCursor;
            }
            while (cursor is not null && ++pages < MaxMembershipPages);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Could not list the private channels of {UserId} in {Workspace} ({Error}); none shown on their Home tab", userId, workspace, e.Error);
            return [];
        }

        return channels;
    }

    private sealed record Privacy(bool? IsPrivate, DateTimeOffset ExpiresAt);
}
