using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// Carries out the workflow verbs for every surface (command, list message, Home tab): finds the workflow in the
/// request's workspace, opens the editor or the delete confirmation, pauses, resumes, deletes, sends a test, and
/// tells the <see cref="IWorkflowChangeObserver"/> after a change. Rights are checked before it runs, by the guards
/// declared at registration. Scoped to one Slack request.
/// </summary>
public sealed class WorkflowVerbs(WorkflowRepository workflows, WorkflowPermissions permissions, ITestNotificationSender testSender, IWorkflowChangeObserver observer)
{
    public const string NotFound = "That workflow doesn't exist in this workspace any more (someone may have deleted it).";

    public async Task<WorkflowOutcome> CarryOutAsync(SlackContext context, WorkflowRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Verb)
        {
            case WorkflowVerb.Help:
                return new WorkflowOutcome(true, WorkflowCommandLine.Usage);
            case WorkflowVerb.List:
                // Every surface draws the list itself, with ListMessageAsync or the Home tab.
                return WorkflowOutcome.Shown;
            case WorkflowVerb.Create:
                // The trigger_id lives 3 seconds: nothing to read first, the empty editor opens at once.
                await OpenedModal.OpenAsync(context, WorkflowModal.Build(null, WorkflowOrigin.From(context)), cancellationToken);
                return WorkflowOutcome.Shown;
        }

        if (await FindAsync(context, request, cancellationToken) is not { } workflow)
        {
            return WorkflowOutcome.Problem(NotFound);
        }

        switch (request.Verb)
        {
            case WorkflowVerb.Edit:
                await OpenedModal.OpenAsync(context, WorkflowModal.Build(workflow, WorkflowOrigin.From(context)), cancellationToken);
                return WorkflowOutcome.Shown;
            case WorkflowVerb.Delete:
                await OpenedModal.OpenAsync(context, DeleteConfirmationModal.Build(workflow, context.ResponseUrl, request.FromListMessage), cancellationToken);
                return WorkflowOutcome.Shown;
            case WorkflowVerb.Test:
                return await SendTestAsync(context, workflow, cancellationToken);
            default:
                return await SetEnabledAsync(context, workflow, request.Verb == WorkflowVerb.Resume, cancellationToken);
        }
    }

    /// <summary>Deletes a workflow of the request's workspace (the confirmation's submission).</summary>
    public async Task<WorkflowOutcome> DeleteAsync(SlackContext context, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workspace = context.Workspace();
        var workflow = await workflows.GetAsync(workspace, id, cancellationToken);
        if (workflow is null || !await workflows.DeleteAsync(workspace, id, context.RequiredUserId(), cancellationToken))
        {
            return WorkflowOutcome.Problem(NotFound);
        }

        await observer.WorkflowsChangedAsync(context, cancellationToken);
        return new WorkflowOutcome(true, $"Deleted *{UntrustedText.Mrkdwn(workflow.Name)}*.") { ShownByRedraw = true };
    }

    private async Task<WorkflowOutcome> SetEnabledAsync(SlackContext context, Workflow workflow, bool enabled, CancellationToken cancellationToken)
    {
        var name = UntrustedText.Mrkdwn(workflow.Name);
        if (workflow.Enabled == enabled)
        {
            // Nothing to write (the version stays), but the surface that offered the button was out of date: redraw it.
            await observer.WorkflowsChangedAsync(context, cancellationToken);
            return new WorkflowOutcome(true, enabled ? $"*{name}* is already on: it notifies as signals arrive." : $"*{name}* is already paused.");
        }

        var changed = await workflows.SetEnabledAsync(context.Workspace(), workflow.Id, enabled, context.RequiredUserId(), cancellationToken);
        if (changed is null)
        {
            return WorkflowOutcome.Problem(NotFound);
        }

        await observer.WorkflowsChangedAsync(context, cancellationToken);
        var verb = enabled ? "resumed: it notifies again as signals arrive" : "paused: it notifies nobody until resumed";
        return new WorkflowOutcome(true, $"*{UntrustedText.Mrkdwn(changed.Name)}* is {verb}.") { ShownByRedraw = true };
    }

    // Everyone may send themselves a test. It lands in their DM with the app, wherever they asked: say so, with a link.
    private async Task<WorkflowOutcome> SendTestAsync(SlackContext context, Workflow workflow, CancellationToken cancellationToken)
    {
        try
        {
            await testSender.SendAsync(context.Workspace(), workflow, context.RequiredUserId(), cancellationToken);
            // The test is listed among the person's recent notifications on the Home tab: draw it again.
            await observer.WorkflowsChangedAsync(context, cancellationToken);
            return new WorkflowOutcome(true, $"Sent you a test notification of *{UntrustedText.Mrkdwn(workflow.Name)}*: see {AppDirectMessage.Link(context)}.");
        }
        catch (SlackApiException e)
        {
            return WorkflowOutcome.Problem($"The test notification could not be sent: Slack answered `{e.Error}`.");
        }
    }

    /// <summary>The list message for the person behind <paramref name="context"/>: only the buttons their rights allow.</summary>
    public async Task<Message> ListMessageAsync(SlackContext context, string? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workspace = context.Workspace();
        var all = await workflows.ListAsync(workspace, cancellationToken);
        var access = await permissions.GetAsync(workspace, context.RequiredUserId(), context.Client, cancellationToken);
        return WorkflowListMessage.Build(all, access, notice);
    }

    /// <summary>The workflow of the request's workspace that the request names, or null.</summary>
    public Task<Workflow?> FindAsync(SlackContext context, WorkflowRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return request.WorkflowId is { } id
            ? workflows.GetAsync(context.Workspace(), id, cancellationToken)
            : request.Reference?.FindAsync(workflows, context.Workspace(), cancellationToken) ?? Task.FromResult<Workflow?>(null);
    }

    /// <summary>Why nothing matches a name typed in a command, with the names that exist.</summary>
    public async Task<string> NoSuchWorkflowAsync(SlackContext context, WorkflowReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reference);
        var all = await workflows.ListAsync(context.Workspace(), cancellationToken);
        var asked = UntrustedText.Mrkdwn(reference.ToString());
        if (all.Count == 0)
        {
            return $"No workflow matches `{asked}`: this workspace has no workflows yet. Create one with `/usergems workflow create`.";
        }

        var names = string.Join(", ", all.Take(30).Select(w => $"`{UntrustedText.Mrkdwn(w.Name)}` (#{w.Id})"));
        var more = all.Count > 30 ? $" and {all.Count - 30} more" : string.Empty;
        return $"No workflow matches `{asked}`. The workflows here are: {names}{more}.";
    }
}
