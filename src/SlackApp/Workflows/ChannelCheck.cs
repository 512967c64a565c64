using SlackApp.Slack.WebApi;

namespace SlackApp.Workflows;

/// <summary>
/// Whether the app can post to a channel chosen in a picker: it must exist for the app, not be archived, and a
/// private channel must have the app as a member (public ones are fine with <c>chat:write.public</c>).
/// </summary>
public static class ChannelCheck
{
    /// <summary>
    /// How long a modal submission waits for all its channel checks together: Slack closes the modal (losing
    /// the errors) when the submission is not answered within 3 s, and the rights check and the save need time too.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// The problem of each of <paramref name="channelIds"/> that has one, checked all at once within
    /// <see cref="Budget"/> (measured with <paramref name="clock"/>); a check still unanswered then counts as no problem.
    /// <paramref name="knownNames"/> names channels Slack will not describe to the app (a private channel it is not in
    /// answers <c>channel_not_found</c>), e.g. the channel a slash command was typed in, whose name the command carried.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ProblemsAsync(
        ISlackApiClient client,
        IEnumerable<string> channelIds,
        TimeProvider clock,
        IReadOnlyDictionary<string, string>? knownNames,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(channelIds);
        ArgumentNullException.ThrowIfNull(clock);
        var distinct = channelIds.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        using var budget = new CancellationTokenSource(Budget, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var checks = distinct.Select(async id => (Id: id, Problem: await ProblemWithinAsync(client, id, knownNames?.GetValueOrDefault(id), linked.Token, cancellationToken)));
        var results = await Task.WhenAll(checks);
        return results.Where(r => r.Problem is not null).ToDictionary(r => r.Id, r => r.Problem!, StringComparer.Ordinal);
    }

    /// <summary>
    /// What is wrong with <paramref name="channelId"/> (plain text, for a modal's input error), or null when the
    /// app can post there or Slack could not tell in time (a save is not refused over Slack's hiccup or slowness).
    /// <paramref name="checkToken"/> also fires when the budget runs out; only <paramref name="callerToken"/> cancels.
    /// </summary>
    private static async Task<string?> ProblemWithinAsync(ISlackApiClient client, string channelId, string? knownName, CancellationToken checkToken, CancellationToken callerToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var channel = (await client.ConversationsInfoAsync(channelId, checkToken)).Channel;
            if (channel.IsArchived)
            {
                return $"#{channel.Name ?? channelId} is archived: choose another channel.";
            }

            return channel.IsPrivate && !channel.IsMember
                ? $"The app is not in the private channel #{channel.Name ?? channelId}: invite it there first (/invite @UserGems)."
                : null;
        }
        catch (SlackApiException e) when (e.Error is "channel_not_found")
        {
            return NotVisible(channelId, knownName);
        }
        catch (SlackApiException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Why the app can't use a channel Slack does not describe to it. Slack gives a private channel's name only to
    /// its members, so without a name from the request the channel is named by its id, which the person can match.
    /// </summary>
    public static string NotVisible(string channelId, string? knownName) => knownName is { Length: > 0 }
        ? $"The app is not in the private channel #{knownName}: invite it there first (/invite @UserGems), or choose another channel."
        : $"The app can't see the channel {channelId}: if it is private, invite the app there first (/invite @UserGems), or choose another channel.";
}
