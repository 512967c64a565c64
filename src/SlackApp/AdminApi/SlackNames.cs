using System.Text.RegularExpressions;
using SlackApp.Slack.WebApi;

namespace SlackApp.AdminApi;

/// <summary>
/// Turns the channels and people an API caller names into Slack ids, for one request: a channel by id or by name
/// (<c>#deals</c>, <c>deals</c>: one <c>conversations.list</c> walk, public and private channels the app can see), a
/// person by id (checked with <c>users.info</c>) or by email (<c>users.lookupByEmail</c>). What it cannot resolve comes
/// back as a problem (plain text) for the field.
/// </summary>
internal sealed partial class SlackNames(ISlackApiClient client)
{
    // Bounds one request's walk of the channel list (200 a page).
    private const int MaxChannelPages = 50;

    private Dictionary<string, string>? _channelsByName;

    public async Task<Resolved> ChannelAsync(string given, CancellationToken cancellationToken)
    {
        var text = given.Trim();
        if (ChannelId().IsMatch(text))
        {
            // Whether the app can post there is checked as the modal checks it (ChannelCheck).
            return Resolved.To(text);
        }

        var name = text.TrimStart('#').ToLowerInvariant();
        if (!ChannelName().IsMatch(name))
        {
            return Resolved.Problem("Give a channel id (C…) or a channel name (#deals).");
        }

        try
        {
            _channelsByName ??= await ListChannelsAsync(cancellationToken);
        }
        catch (SlackApiException e)
        {
            return Resolved.Problem($"Slack would not list channels to find #{name} ({e.Error}): give the channel's id instead.");
        }

        return _channelsByName.TryGetValue(name, out var id)
            ? Resolved.To(id)
            : Resolved.Problem($"The app can't see a channel named #{name}: check the name, or if it is private, invite the app there first (/invite @UserGems).");
    }

    public async Task<Resolved> UserAsync(string given, CancellationToken cancellationToken)
    {
        var text = given.Trim();
        try
        {
            if (UserId().IsMatch(text))
            {
                var user = (await client.UsersInfoAsync(text, cancellationToken)).User;
                return user.Deleted ? Resolved.Problem($"{text} is a deactivated Slack account.") : Resolved.To(user.Id);
            }

            if (text.Contains('@', StringComparison.Ordinal) && text.Length <= 254)
            {
                var user = (await client.UsersLookupByEmailAsync(text, cancellationToken)).User;
                return user.Deleted ? Resolved.Problem($"{text} belongs to a deactivated Slack account.") : Resolved.To(user.Id);
            }
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "users_not_found")
        {
            return Resolved.Problem($"No one in this Slack workspace is {text}.");
        }
        catch (SlackApiException)
        {
            // As the modal's channel check: Slack's hiccup does not refuse a save; the id is kept as given.
            return UserId().IsMatch(text) ? Resolved.To(text) : Resolved.Problem($"Slack could not look up {text} just now: give the person's user id (U…) instead.");
        }

        return Resolved.Problem("Give a Slack user id (U…) or the person's email.");
    }

    private async Task<Dictionary<string, string>> ListChannelsAsync(CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = new ConversationsListQuery { Types = ["public_channel", "private_channel"], ExcludeArchived = true };
        string? cursor = null;
        for (var page = 0; page < MaxChannelPages; page++)
        {
            var result = await client.ConversationsListAsync(query, cursor, cancellationToken);
            foreach (var channel in result.Channels.Where(c => c.Name is not null))
            {
                byName.TryAdd(channel.Name!, channel.Id);
            }

            if ((cursor = result.NextCursor) is null)
            {
                break;
            }
        }

        return byName;
    }

    [GeneratedRegex("^[CG][A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelId();

    [GeneratedRegex("^[UW][A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserId();

    [GeneratedRegex("^[a-z0-9_\\-]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelName();
}

/// <summary>A Slack id, or why there is none.</summary>
internal sealed record Resolved(string? Id, string? Why)
{
    public static Resolved To(string id) => new(id, null);

    public static Resolved Problem(string why) => new(null, why);
}
