using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Installations;

/// <summary>
/// <c>app_uninstalled</c>, and <c>tokens_revoked</c> naming the bot token: the workspace's tokens are deleted and it
/// is marked uninstalled, so every later piece of work for it finds no installation and stops. For an org-wide
/// install that is the org's installation, which every linked workspace of the org resolves to: they all stop.
/// </summary>
public sealed class AppUninstalledHandler(InstallationStore store) : ISlackHandler<SlackEventRequest>
{
    public async Task HandleAsync(SlackEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        // Only the bot token matters: the app keeps no user tokens.
        if (request.Event is TokensRevokedEvent { Tokens.Bot.Count: 0 })
        {
            return;
        }

        // An org-wide installation is keyed by its enterprise alone.
        await store.DeleteAsync(context.EnterpriseId, context.IsEnterpriseInstall ? null : context.TeamId, cancellationToken);
        context.Logger.LogInformation("App uninstalled or bot token revoked in team {TeamId} ({Event})", context.TeamId, request.Event.Type);
    }
}
