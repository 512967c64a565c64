using System.Text.Json;
using SlackApp.Slack.Payloads;
using SlackApp.Slack.Routing;

namespace SlackApp.Installations;

/// <summary>
/// <c>team_access_granted</c> / <c>team_access_revoked</c> (org-wide installs): the org's admins added or removed
/// workspaces; they are linked to, or unlinked from, the org's installation.
/// </summary>
public sealed class TeamAccessHandler(InstallationStore store) : ISlackHandler<SlackEventRequest>
{
    public async Task HandleAsync(SlackEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        if (context.EnterpriseId is not { Length: > 0 } enterpriseId || TeamIds(request.Event) is not { Count: > 0 } teamIds)
        {
            return;
        }

        if (request.Event.Type == "team_access_granted")
        {
            await store.LinkAsync(enterpriseId, [.. teamIds.Select(id => new OrgTeam(id, null))], cancellationToken);
            context.Logger.LogInformation("Org {EnterpriseId} granted the app {Count} more workspace(s)", enterpriseId, teamIds.Count);
        }
        else
        {
            await store.UnlinkAsync(enterpriseId, teamIds, cancellationToken);
            context.Logger.LogInformation("Org {EnterpriseId} removed the app from {Count} workspace(s)", enterpriseId, teamIds.Count);
        }
    }

    // {"type": "team_access_granted", "team_ids": ["T...", ...]}
    private static List<string> TeamIds(SlackEvent slackEvent) =>
        slackEvent is UnknownEvent { Raw.ValueKind: JsonValueKind.Object } unknown
        && unknown.Raw.TryGetProperty("team_ids", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? [.. ids.EnumerateArray().Where(id => id.ValueKind == JsonValueKind.String).Select(id => id.GetString()!).Where(id => id.Length > 0)]
            : [];
}
