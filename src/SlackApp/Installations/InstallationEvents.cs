using System.Text.Json;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Installations;

/// <summary>
/// <c>app_uninstalled</c> and <c>tokens_revoked</c>: the workspace's tokens are deleted and it is marked
/// uninstalled, so every later piece of work for it finds no installation and stops. For an org-wide install
/// that is the org's installation, which every linked workspace of the org resolves to: they all stop.
/// <c>team_access_granted</c> / <c>team_access_revoked</c> (org-wide installs): the org's admins added or removed
/// workspaces; they are linked to, or unlinked from, the org's installation.
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

        slack.Event("team_access_granted", async (request, ct) =>
        {
            if (request.Context.EnterpriseId is { Length: > 0 } enterpriseId && TeamIds(request.Event) is { Count: > 0 } teamIds)
            {
                var store = request.Context.Services.GetRequiredService<InstallationStore>();
                await store.LinkAsync(enterpriseId, [.. teamIds.Select(id => new OrgTeam(id, null))], ct);
                request.Context.Logger.LogInformation("Org {EnterpriseId} granted the app {Count} more workspace(s)", enterpriseId, teamIds.Count);
            }
        });

        slack.Event("team_access_revoked", async (request, ct) =>
        {
            if (request.Context.EnterpriseId is { Length: > 0 } enterpriseId && TeamIds(request.Event) is { Count: > 0 } teamIds)
            {
                var store = request.Context.Services.GetRequiredService<InstallationStore>();
                await store.UnlinkAsync(enterpriseId, teamIds, ct);
                request.Context.Logger.LogInformation("Org {EnterpriseId} removed the app from {Count} workspace(s)", enterpriseId, teamIds.Count);
            }
        });

        return slack;
    }

    // {"type": "team_access_granted", "team_ids": ["T...", ...]}
    private static List<string> TeamIds(SlackEvent slackEvent) =>
        slackEvent is UnknownEvent { Raw.ValueKind: JsonValueKind.Object } unknown
        && unknown.Raw.TryGetProperty("team_ids", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.String).Select(id => id.GetString()!).Where(id => id.Length > 0)]
            : [];

    // An org-wide installation is keyed by its enterprise alone.
    private static string? TeamKey(SlackContext context) => context.IsEnterpriseInstall ? null : context.TeamId;
}
