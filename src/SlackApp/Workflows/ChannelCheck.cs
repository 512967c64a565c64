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
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ProblemsAsync(ISlackApiClient client, IEnumerable<string> channelIds, TimeProvider clock, CancellationToken cancellationToken)
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
        var checks = distinct.Select(async id => (Id: id, Problem: await ProblemWithinAsync(client, id, linked.Token, cancellationToken)));
        var results = await Task.WhenAll(checks);
        return results.Where(r => r.Problem is not null).ToDictionary(r => r.Id, r => r.Problem!, StringComparer.Ordinal);
    }

    /// <summary>
    /// What is wrong with <paramref name="channelId"/> (plain text, for a modal's input error), or null when the
    /// app can post there or Slack could not tell in time (a save is not refused over Slack's hiccup or slowness).
    /// <paramref name="checkToken"/> also fires when the budget runs out; only <paramref name="callerToken"/> cancels.
    /// </summary>
    private static async Task<string?> ProblemWithinAsync(ISlackApiClient client, string channelId, CancellationToken checkToken, CancellationToken callerToken)
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
            return "The app can't see one of these channels: for a private channel, invite the app there first (/invite @UserGems).";
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
}
