using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.OAuth;

namespace SlackApp.Installations;

public static class InstallEndpoints
{
    /// <summary><c>GET /slack/install</c> and <c>GET /slack/oauth_redirect</c>: Slack's OAuth v2 install flow.</summary>
    public static IEndpointRouteBuilder MapInstallation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/slack/install", (HttpResponse response, SlackOAuthFlow flow, IOptions<SlackOptions> slack) =>
        {
            if (!OAuthConfigured(slack.Value))
            {
                return InstallPages.NotConfigured();
            }

            // Each page carries its own state, bound to this browser by a cookie: a cached copy would not match it.
            response.Headers.CacheControl = "no-store";
            return InstallPages.AddToSlack(flow.BeginInstall(response));
        });

        endpoints.MapGet("/slack/oauth_redirect", async (
            HttpContext http,
            SlackOAuthFlow flow,
            IOptions<SlackOptions> slack,
            WorkspaceSettingsRepository settings,
            OrgWideTeams orgWideTeams,
            CancellationToken ct) =>
        {
            var callback = SlackOAuthCallback.FromRequest(http.Request);
            // Used or refused, the state is spent: its cookie goes whatever the outcome.
            SlackOAuthStateCookie.Clear(http.Response);
            if (!OAuthConfigured(slack.Value))
            {
                return InstallPages.NotConfigured();
            }

            var result = await flow.CompleteAsync(callback, ct);
            if (!result.Succeeded)
            {
                return result.Failure.Kind == SlackOAuthFailureKind.StateFromAnotherBrowser
                    ? InstallPages.FromAnotherBrowser()
                    : InstallPages.Failed(result.Failure.Reason);
            }

            var installation = result.Installation;
            if (installation.IsEnterpriseInstall)
            {
                // Each granted workspace of the org gets its link and its own signal secret now.
                var teams = await orgWideTeams.LinkGrantedAsync(installation, ct);
                return InstallPages.InstalledOrgWide(installation.EnterpriseName, teams);
            }

            if (installation.TeamId is { } teamId)
            {
                // First install: the workspace's signal secret; a re-install keeps the existing one.
                await settings.EnsureSignalSecretAsync(new Workspace(teamId, installation.EnterpriseId), ct);
            }

            return InstallPages.Installed(installation.TeamId, installation.TeamName, installation.AppId);
        });

        return endpoints;
    }

    private static bool OAuthConfigured(SlackOptions slack) => !string.IsNullOrEmpty(slack.ClientId) && !string.IsNullOrEmpty(slack.ClientSecret);
}
