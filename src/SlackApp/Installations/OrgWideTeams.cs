using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Installations;

/// <summary>
/// After an org-wide (Enterprise Grid) install: asks Slack, with the org's bot token, which workspaces the org's admins
/// granted the app (<c>auth.teams.list</c>) and links each to the installation, so a signal or a queued notification that
/// names only a workspace finds the org's token, and each workspace has its own signal secret from the start.
/// </summary>
public sealed class OrgWideTeams(ISlackApiClientFactory apis, InstallationStore installations, ILogger<OrgWideTeams> logger)
{
    /// <summary>Links the workspaces Slack lists; with the whole list read, workspaces no longer granted are unlinked.</summary>
    public async Task<IReadOnlyList<OrgTeam>> LinkGrantedAsync(Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        if (!installation.IsEnterpriseInstall || string.IsNullOrEmpty(installation.EnterpriseId))
        {
            return [];
        }

        var enterpriseId = installation.EnterpriseId;
        var granted = new List<OrgTeam>();
        var complete = false;
        try
        {
            await foreach (var team in apis.ForToken(installation.BotToken).AuthTeamsListAllAsync(cancellationToken))
            {
                granted.Add(new OrgTeam(team.Id, team.Name));
            }

            complete = true;
        }
        catch (SlackApiException e)
        {
            // Not fatal: each workspace is also linked on its first verified Slack request (see InstallationStore.FindAsync).
            logger.LogWarning("auth.teams.list failed for org {EnterpriseId} ({Error}); {Count} workspace(s) linked so far", enterpriseId, e.Error, granted.Count);
        }

        await installations.LinkAsync(enterpriseId, granted, cancellationToken);
        if (complete)
        {
            var listed = granted.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
            var gone = (await installations.ListLinkedAsync(enterpriseId, cancellationToken)).Select(t => t.TeamId).Where(id => !listed.Contains(id)).ToList();
            await installations.UnlinkAsync(enterpriseId, gone, cancellationToken);
        }

        logger.LogInformation("Org-wide install of {EnterpriseId} serves {Count} workspace(s)", enterpriseId, granted.Count);
        return granted;
    }
}
