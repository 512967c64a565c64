using SlackApp.Slack.WebApi;

namespace SlackApp.Workflows;

/// <summary>
/// Whether the app can post to a channel chosen in a picker: it must exist for the app, not be archived, and a
/// private channel must have the app as a member (public ones are fine with <c>chat:write.public</c>).
/// </summary>
public static class ChannelCheck
{
    /// <summary>
    /// What is wrong with <paramref name="channelId"/> (plain text, for a modal's input error), or null when the
    /// app can post there or Slack could not tell right now (a save is not refused over Slack's hiccup).
    /// </summary>
    public static async Task<string?> ProblemAsync(ISlackApiClient client, string channelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var channel = (await client.ConversationsInfoAsync(channelId, cancellationToken)).Channel;
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
    }
}
