using Microsoft.Extensions.Options;
using SlackApp.AdminApi;
using SlackApp.Analytics;
using SlackApp.Audit;
using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.OwnerMappings;
using SlackApp.Slack.WebApi;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>Gathers one user's Home tab and publishes it with <c>views.publish</c>; scoped to a Slack request.</summary>
public sealed class HomeTabPublisher(
    InstallationStore installations,
    WorkspaceSettingsRepository settings,
    WorkflowRepository workflows,
    WorkflowPermissions permissions,
    IHomeNotificationsSection notifications,
    NotificationActivityRepository activity,
    AuditLog audit,
    IOptions<HomeOptions> options,
    OwnerMappingsHomeSection ownerMappings,
    DeliveryAnalyticsRepository analytics)
{
    /// <summary>Publishes <paramref name="userId"/>'s Home tab, showing the page of workflows starting at <paramref name="offset"/>.</summary>
    public async Task PublishAsync(Workspace workspace, string userId, ISlackApiClient client, int offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(client);
        var view = HomeTabView.Build(await GatherAsync(workspace, userId, client, Math.Max(0, offset), cancellationToken));
        await client.ViewsPublishAsync(userId, view, cancellationToken: cancellationToken);
    }

    /// <summary>The signal webhook URL of a workspace, or its path when <c>App:PublicBaseUrl</c> is unset.</summary>
    public string WebhookUrl(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var path = $"/signals/{Uri.EscapeDataString(workspace.TeamId)}";
        return options.Value.PublicBaseUrl is { } baseUrl ? baseUrl.AbsoluteUri.TrimEnd('/') + path : path;
    }

    /// <summary>The base of a workspace's admin API, or its path when <c>App:PublicBaseUrl</c> is unset.</summary>
    public string ApiBaseUrl(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var path = AdminApiEndpoints.PathOf(workspace.TeamId);
        return options.Value.PublicBaseUrl is { } baseUrl ? baseUrl.AbsoluteUri.TrimEnd('/') + path : path;
    }

    private async Task<HomeTabModel> GatherAsync(Workspace workspace, string userId, ISlackApiClient client, int offset, CancellationToken cancellationToken)
    {
        var access = await permissions.GetAsync(workspace, userId, client, cancellationToken);
        var (page, hasMore) = await workflows.ListPageAsync(workspace, offset, HomeTabView.PageSize, cancellationToken);
        if (page.Count == 0 && offset > 0)
        {
            // The page asked for is gone (workflows were deleted since): show the first one.
            offset = 0;
            (page, hasMore) = await workflows.ListPageAsync(workspace, offset, HomeTabView.PageSize, cancellationToken);
        }

        return new HomeTabModel
        {
            TeamId = workspace.TeamId,
            Access = access,
            Installation = await installations.GetStatusAsync(workspace, cancellationToken),
            Settings = await settings.GetAsync(workspace, cancellationToken),
            Workflows = page,
            Offset = offset,
            HasMore = hasMore,
            WebhookUrl = access.IsAdmin ? WebhookUrl(workspace) : null,
            NotificationBlocks = await notifications.BuildAsync(workspace, access, client, cancellationToken),
            Activity = await activity.ListAsync(workspace, [.. page.Select(w => w.Id)], cancellationToken),
            AuditBlocks = access.IsAdmin ? AuditComposer.HomeSection(await audit.LatestAsync(workspace.TeamId, AuditComposer.HomeCount, cancellationToken)) : [],
            OwnerMappingBlocks = await ownerMappings.BuildAsync(workspace, access, cancellationToken),
            // Those who run the workflows only: the counts say how much of the workspace's notifications go unanswered or
            // are called not relevant, by workflow — management information, while a member sees only their own items.
            Analytics = access.CanChange ? await analytics.GetAsync(workspace, cancellationToken) : null,
        };
    }
}
