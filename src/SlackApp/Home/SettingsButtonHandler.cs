using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>The Home tab's Settings button: opens the settings modal filled with the workspace's settings.</summary>
public sealed class SettingsButtonHandler(WorkspaceSettingsRepository settings, WorkflowPermissions permissions) : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        var workspace = context.Workspace();
        // Asked by the guard already in this request: no second users.info.
        var access = await permissions.GetAsync(workspace, context.RequiredUserId(), context.Client, cancellationToken);
        var modal = SettingsModal.Build(await settings.GetAsync(workspace, cancellationToken), await settings.ListManagersAsync(workspace, cancellationToken), access.IsAdmin);
        await OpenedModal.OpenAsync(context, modal, cancellationToken);
    }
}
