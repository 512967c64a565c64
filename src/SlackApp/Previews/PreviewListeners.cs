using SlackApp.Slack.Routing;
using SlackApp.Workflows;

namespace SlackApp.Previews;

/// <summary>
/// Where the preview meets Slack: the workflow modal's Preview button, behind <see cref="CanChangeWorkflows"/> like
/// the modal itself (the preview shows who the workspace's signals were about and who would have heard).
/// </summary>
public static class PreviewListeners
{
    public static SlackAppBuilder AddPreviewListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack.Require<CanChangeWorkflows>(changes => changes.Action<PreviewButtonHandler>(WorkflowActionIds.Preview));
    }
}
