using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Installations;

/// <summary>
/// <c>app_uninstalled</c> and <c>tokens_revoked</c>: the workspace's tokens are deleted and it is marked
/// uninstalled, so every later piece of work for it finds no installation and stops.
/// </summary>
public static class InstallationEvents
{
    public static SlackAppBuilder AddInstallationEvents(this SlackAppBuilder slack)
    {
        slack.Event("app_uninstalled", async (request, ct) =>
        {
            var store = request.Context.Services.GetRequiredService<InstallationStore>();
            await store.DeleteAsync(request.Context.EnterpriseId, TeamKey(request.Context), ct);
            request.Context.Logger.LogInformation("App uninstalled from team {TeamId}", request.Context.TeamId);
        });

        slack.Event("tokens_revoked", async (request, ct) =>
        {
            // Only the bot token matters: the app keeps no user tokens.
            if (request.Event is TokensRevokedEvent { Tokens.Bot.Count: > 0 })
            {
                var store = request.Context.Services.GetRequiredService<InstallationStore>();
                await store.DeleteAsync(request.Context.EnterpriseId, TeamKey(request.Context), ct);
                request.Context.Logger.LogInformation("Bot token revoked in team {TeamId}", request.Context.TeamId);
            }
        });

        return slack;
    }

    // An org-wide installation is keyed by its enterprise alone.
    private static string? TeamKey(SlackContext context) => context.IsEnterpriseInstall ? null : context.TeamId;
}
