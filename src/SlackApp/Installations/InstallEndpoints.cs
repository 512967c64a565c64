using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.OAuth;

namespace SlackApp.Installations;

public static class InstallEndpoints
{
    /// <summary><c>GET /slack/install</c> and <c>GET /slack/oauth_redirect</c>: Slack's OAuth v2 install flow.</summary>
    public static IEndpointRouteBuilder MapInstallation(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/slack/install", (SlackOAuthFlow flow, IOptions<SlackOptions> slack) =>
            OAuthConfigured(slack.Value) ? InstallPages.AddToSlack(flow.BeginInstall()) : InstallPages.NotConfigured());

        endpoints.MapGet("/slack/oauth_redirect", async (HttpRequest request, SlackOAuthFlow flow, IOptions<SlackOptions> slack, WorkspaceSettingsRepository settings, CancellationToken ct) =>
        {
            if (!OAuthConfigured(slack.Value))
            {
                return InstallPages.NotConfigured();
            }

            var result = await flow.CompleteAsync(SlackOAuthCallback.FromQuery(request.Query), ct);
            if (!result.Succeeded)
            {
                return InstallPages.Failed(result.Failure.Reason);
            }

            var installation = result.Installation;
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
