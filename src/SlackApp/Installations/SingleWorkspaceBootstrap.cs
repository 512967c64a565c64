using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Installations;

/// <summary>
/// Single-workspace mode: with <c>Slack:BotToken</c> set, asks <c>auth.test</c> which workspace the token
/// belongs to and records that installation, so a developer can run the app without the OAuth flow.
/// <c>Signals:Secret</c> and <c>Salesforce:BaseUrl</c>, when set, seed that workspace's settings. The Salesforce
/// URL is held to the rules of the Settings modal (<see cref="SalesforceBaseUrl"/>, with <c>Salesforce:AllowedHosts</c>):
/// config is no safer a way to set a phishing link, so one that fails them is logged as an error and not seeded.
/// </summary>
internal sealed class SingleWorkspaceBootstrap(
    IOptions<SlackOptions> slack,
    IConfiguration configuration,
    IOptions<SalesforceOptions> salesforceOptions,
    ISlackApiClientFactory apis,
    IInstallationStore installations,
    WorkspaceSettingsRepository settings,
    TimeProvider clock,
    ILogger<SingleWorkspaceBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (slack.Value.BotToken is not { Length: > 0 } token)
        {
            return;
        }

        AuthTestResult identity;
        try
        {
            identity = await apis.ForToken(token).AuthTestAsync(cancellationToken);
        }
        catch (SlackApiException e)
        {
            // The app still serves /healthz and refuses what it cannot do; the log says why.
            logger.LogError("Single-workspace mode: auth.test refused Slack:BotToken ({Error}); the workspace is not installed.", e.Error);
            return;
        }

        if (identity.TeamId is not { Length: > 0 } teamId || identity.UserId is not { Length: > 0 } botUserId)
        {
            logger.LogError("Single-workspace mode: auth.test did not name a workspace and bot user for Slack:BotToken.");
            return;
        }

        var existing = await installations.FindAsync(identity.EnterpriseId, teamId, isEnterpriseInstall: false, cancellationToken);
        await installations.SaveAsync(new Installation
        {
            EnterpriseId = identity.EnterpriseId,
            TeamId = teamId,
            TeamName = identity.Team,
            AppId = existing?.AppId,
            BotUserId = botUserId,
            BotId = identity.BotId,
            BotToken = token,
            BotScopes = existing?.BotScopes ?? [],
            InstallerUserId = existing?.InstallerUserId,
            InstalledAt = existing?.InstalledAt ?? clock.GetUtcNow(),
        }, cancellationToken);

        var workspace = new Workspace(teamId, identity.EnterpriseId);
        if (configuration["Signals:Secret"] is { Length: > 0 } secret)
        {
            if (await settings.GetSignalSecretAsync(workspace, cancellationToken) != secret)
            {
                await settings.SetSignalSecretAsync(workspace, secret, updatedBy: null, cancellationToken);
            }
        }
        else
        {
            await settings.EnsureSignalSecretAsync(workspace, cancellationToken);
        }

        if (salesforceOptions.Value.BaseUrl is { Length: > 0 } salesforce)
        {
            var check = SalesforceBaseUrl.Check(salesforce, salesforceOptions.Value.AllowedHosts);
            if (!check.IsValid)
            {
                logger.LogError("Single-workspace mode: Salesforce:BaseUrl was not seeded: {Problem} (Salesforce:AllowedHosts can allow another host).", check.Problem);
            }
            else if (check.Url is { } url)
            {
                var current = await settings.GetAsync(workspace, cancellationToken);
                await settings.SaveAsync(workspace, url, current.FallbackChannelId, current.UpdatedBy, cancellationToken);
            }
        }

        logger.LogInformation("Single-workspace mode: serving workspace {TeamId} ({TeamName}).", teamId, identity.Team);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
