using System.Text.RegularExpressions;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Workflows;

/// <summary>
/// The channel a workflow form was asked for in (a slash command typed there, a button of a message there): the
/// new workflow's channel picker starts on it, and the "saved" answer goes back to it. Null for DMs, group DMs and
/// requests from no channel (the Home tab).
/// </summary>
/// <param name="Id">The channel's id.</param>
/// <param name="Name">Its name as Slack sent it, for messages naming it; null when Slack sent none or only a stand-in.</param>
public sealed partial record WorkflowOrigin(string Id, string? Name)
{
    /// <summary>The channel of <paramref name="context"/>'s request, if it is one a workflow can post to.</summary>
    public static WorkflowOrigin? From(SlackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Payload switch
        {
            SlashCommand command => command.ChannelName,
            BlockActionsPayload actions => actions.Channel?.Name,
            _ => null,
        };
        return Of(context.ChannelId, name);
    }

    /// <summary>
    /// The rules, without I/O: a channel id (<c>C…</c>, or <c>G…</c> for older private channels) that is not a
    /// DM or a group DM. Slack names a DM <c>directmessage</c> and a group DM <c>mpdm-…</c> in payloads, and a
    /// private channel the app is not in <c>privategroup</c> (a stand-in, not its name).
    /// </summary>
    public static WorkflowOrigin? Of(string? channelId, string? channelName)
    {
        if (channelId is null || !ChannelId().IsMatch(channelId)
            || channelName is "directmessage" || channelName?.StartsWith("mpdm-", StringComparison.Ordinal) == true)
        {
            return null;
        }

        var name = channelName is null or "privategroup" || !ChannelName().IsMatch(channelName) ? null : channelName;
        return new WorkflowOrigin(channelId, name);
    }

    /// <summary>Whether <paramref name="channelId"/> looks like a channel id (read back from private_metadata, a claim).</summary>
    public static bool IsChannelId(string? channelId) => channelId is not null && ChannelId().IsMatch(channelId);

    [GeneratedRegex("^[CG][A-Z0-9]{2,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelId();

    // Slack's channel names: lower-case letters, digits, hyphens and underscores, at most 80.
    [GeneratedRegex("^[a-z0-9_\\-]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelName();
}
