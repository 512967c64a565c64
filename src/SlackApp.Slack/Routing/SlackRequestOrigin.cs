using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>Who sent a payload, from where, and how to answer later; read from wherever each payload kind keeps it.</summary>
internal sealed record SlackRequestOrigin(
    string? EnterpriseId,
    string? TeamId,
    bool IsEnterpriseInstall,
    string? UserId,
    string? ChannelId,
    string? ResponseUrl,
    string? TriggerId)
{
    public static SlackRequestOrigin Of(SlackPayload payload) => payload switch
    {
        SlashCommand command => new(
            command.EnterpriseId, command.TeamId, command.IsEnterpriseInstall, command.UserId, command.ChannelId,
            command.ResponseUrl, command.TriggerId),
        InteractionPayload interaction => OfInteraction(interaction),
        EventCallbackPayload envelope => OfEvent(envelope),
        _ => new(null, null, false, null, null, null, null),
    };

    private static SlackRequestOrigin OfInteraction(InteractionPayload interaction)
    {
        var (view, channelId, responseUrl, triggerId) = interaction switch
        {
            BlockActionsPayload actions => (actions.View, actions.Channel?.Id ?? actions.Container?.ChannelId, actions.ResponseUrl, actions.TriggerId),
            ViewSubmissionPayload submission => (submission.View, null, submission.ResponseUrls is [var first, ..] ? first.ResponseUrl : null, submission.TriggerId),
            ViewClosedPayload closed => (closed.View, null, null, null),
            BlockSuggestionPayload suggestion => (suggestion.View, suggestion.Channel?.Id ?? suggestion.Container?.ChannelId, null, null),
            MessageShortcutPayload shortcut => (null, shortcut.Channel?.Id, shortcut.ResponseUrl, shortcut.TriggerId),
            ShortcutPayload shortcut => (null, null, null, shortcut.TriggerId),
            _ => ((PayloadView?)null, (string?)null, (string?)null, (string?)null),
        };

        // As Bolt: a view opened from another workspace (Slack Connect) belongs to the installing one;
        // org-wide installs send team=null and the user's workspace instead.
        var teamId = NullIfEmpty(view?.AppInstalledTeamId) ?? interaction.Team?.Id ?? interaction.User?.TeamId;
        var enterpriseId = interaction.Enterprise?.Id ?? interaction.Team?.EnterpriseId;
        return new(enterpriseId, teamId, interaction.IsEnterpriseInstall, interaction.User?.Id, channelId, responseUrl, triggerId);
    }

    private static SlackRequestOrigin OfEvent(EventCallbackPayload envelope)
    {
        var authorization = envelope.Authorizations is [var first, ..] ? first : null;
        var (userId, channelId) = envelope.Event switch
        {
            AppHomeOpenedEvent opened => (opened.User, opened.Channel),
            UnknownEvent unknown => (JsonProperties.StringOrNull(unknown.Raw, "user"), JsonProperties.StringOrNull(unknown.Raw, "channel")),
            _ => (null, null),
        };

        return new(
            authorization?.EnterpriseId ?? envelope.EnterpriseId,
            authorization?.TeamId ?? envelope.TeamId,
            authorization?.IsEnterpriseInstall ?? false,
            userId,
            channelId,
            null,
            null);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
