using SlackApp.Installations;
using SlackApp.Home;
using SlackApp.Notifications;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// The changes a person makes from a command, the list message or the Home tab — open the editor, pause,
/// resume, delete, send a test — each checking their rights first and republishing their Home tab after.
/// Scoped to one Slack request.
/// </summary>
public sealed class WorkflowChanges(WorkflowRepository workflows, WorkflowPermissions permissions, HomeTabPublisher home, ITestNotificationSender testSender)
{
    public const string ChangeWorkflows = "create, edit, pause or delete workflows";

    /// <summary>
    /// Opens the workflow modal (empty for a new one) with the request's trigger_id straight away, then checks
    /// the person's rights and replaces it with the explanation when they may not change workflows.
    /// </summary>
    public async Task OpenEditorAsync(SlackContext context, Workflow? workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modal = await OpenedModal.OpenAsync(context, WorkflowModal.Build(workflow), cancellationToken);
        if (modal is null)
        {
            return;
        }

        var access = await AccessAsync(context, cancellationToken);
        if (!access.CanChange)
        {
            await modal.ShowNoticeAsync(access.Explanation(ChangeWorkflows), cancellationToken);
        }
    }

    /// <summary>
    /// Opens a loading modal straight away, then fills it with the editor for the workflow <paramref name="id"/>
    /// of the request's workspace, or with why not.
    /// </summary>
    public async Task OpenEditorAsync(SlackContext context, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var modal = await OpenedModal.OpenAsync(context, OpenedModal.Loading("Edit workflow"), cancellationToken);
        if (modal is null)
        {
            return;
        }

        var access = await AccessAsync(context, cancellationToken);
        if (!access.CanChange)
        {
            await modal.ShowNoticeAsync(access.Explanation(ChangeWorkflows), cancellationToken);
            return;
        }

        var workflow = await workflows.GetAsync(context.Workspace(), id, cancellationToken);
        await modal.ShowAsync(workflow is null ? UserNotice.Modal(NotFound) : WorkflowModal.Build(workflow), cancellationToken);
    }

    /// <summary>Pauses or resumes a workflow of the request's workspace.</summary>
    public async Task<WorkflowChangeOutcome> SetEnabledAsync(SlackContext context, long id, bool enabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await AccessAsync(context, cancellationToken);
        if (!access.CanChange)
        {
            return new WorkflowChangeOutcome(false, access.Explanation(ChangeWorkflows));
        }

        var workflow = await workflows.SetEnabledAsync(context.Workspace(), id, enabled, context.RequiredUserId(), cancellationToken);
        if (workflow is null)
        {
            return new WorkflowChangeOutcome(false, NotFound);
        }

        await RepublishHomeAsync(context, cancellationToken);
        var verb = enabled ? "resumed: it notifies again as signals arrive" : "paused: it notifies nobody until resumed";
        return new WorkflowChangeOutcome(true, $"*{UntrustedText.Mrkdwn(workflow.Name)}* is {verb}.", workflow);
    }

    /// <summary>Deletes a workflow of the request's workspace.</summary>
    public async Task<WorkflowChangeOutcome> DeleteAsync(SlackContext context, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var access = await AccessAsync(context, cancellationToken);
        if (!access.CanChange)
        {
            return new WorkflowChangeOutcome(false, access.Explanation(ChangeWorkflows));
        }

        var workspace = context.Workspace();
        var workflow = await workflows.GetAsync(workspace, id, cancellationToken);
        if (workflow is null || !await workflows.DeleteAsync(workspace, id, cancellationToken))
        {
            return new WorkflowChangeOutcome(false, NotFound);
        }

        await RepublishHomeAsync(context, cancellationToken);
        return new WorkflowChangeOutcome(true, $"Deleted *{UntrustedText.Mrkdwn(workflow.Name)}*.", workflow);
    }

    /// <summary>Sends the person a test notification of a workflow; everyone may.</summary>
    public async Task SendTestAsync(SlackContext context, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workspace = context.Workspace();
        var workflow = await workflows.GetAsync(workspace, id, cancellationToken);
        if (workflow is null)
        {
            await UserNotice.SendAsync(context, NotFound, cancellationToken);
            return;
        }

        try
        {
            await testSender.SendAsync(workspace, workflow, context.RequiredUserId(), cancellationToken);
        }
        catch (SlackApiException e)
        {
            await UserNotice.SendAsync(context, $"The test notification could not be sent: Slack answered `{e.Error}`.", cancellationToken);
        }
    }

    /// <summary>Republishes the acting person's Home tab; a failure is logged, never lost in the change that caused it.</summary>
    public async Task RepublishHomeAsync(SlackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await home.PublishAsync(context.Workspace(), context.RequiredUserId(), context.Client, 0, cancellationToken);
        }
        catch (SlackApiException e)
        {
            context.Logger.LogWarning(e, "Could not republish the Home tab of {UserId} in {TeamId}", context.UserId, context.TeamId);
        }
    }

    public Task<WorkflowAccess> AccessAsync(SlackContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return permissions.GetAsync(context.Workspace(), context.RequiredUserId(), context.Client, cancellationToken);
    }

    public const string NotFound = "That workflow doesn't exist in this workspace any more (someone may have deleted it).";
}
