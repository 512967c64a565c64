using System.Text.RegularExpressions;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Workflows;

/// <summary>
/// A link to the person's DM with the app (where tests land), as Slack documents it for deep links:
/// <c>https://slack.com/app_redirect?app=APP_ID&amp;team=TEAM_ID</c>.
/// </summary>
public static partial class AppDirectMessage
{
    public const string Words = "your DM with the app";

    /// <summary>The mrkdwn link, or the plain words when the request named no app (the ids come from Slack's signed payload).</summary>
    public static string Link(SlackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var appId = context.Payload switch
        {
            SlashCommand command => command.ApiAppId,
            InteractionPayload interaction => interaction.ApiAppId,
            _ => null,
        };
        return Link(appId, context.TeamId);
    }

    public static string Link(string? appId, string? teamId)
    {
        if (appId is null || !Id().IsMatch(appId))
        {
            return $"{Words} (its Messages tab)";
        }

        var team = teamId is not null && Id().IsMatch(teamId) ? $"&team={teamId}" : string.Empty;
        return $"<https://slack.com/app_redirect?app={appId}{team}|{Words}>";
    }

    [GeneratedRegex("^[A-Z0-9]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
