using System.Globalization;
using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// Saves a submitted workflow modal: re-checks the workflow id and version against the request's workspace (never
/// trusting <c>private_metadata</c>; rights were checked by the guard), validates every field, and answers errors
/// on the exact input blocks. After a save the person is told (<see cref="WorkflowSavedNotice"/>) and the
/// <see cref="IWorkflowChangeObserver"/> is told; when its delivery settings changed, the
/// <see cref="IWorkflowDeliveryObserver"/> too.
/// </summary>
public sealed class WorkflowSubmission(WorkflowRepository workflows, IWorkflowChangeObserver observer, IWorkflowDeliveryObserver deliveryObserver, TimeProvider clock) : ISlackHandler<SlackViewSubmissionRequest>
{
    public const string VersionConflict =
        "Someone else saved this workflow after you opened it; nothing was overwritten. Close this form and open the workflow again to see their changes.";

    public async Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        var workspace = context.Workspace();
        var metadata = WorkflowModalMetadata.Parse(request.Payload.View.PrivateMetadata);
        Workflow? existing = null;
        if (metadata is null || (metadata.WorkflowId is not null && (existing = await workflows.GetAsync(workspace, metadata.WorkflowId.Value, cancellationToken)) is null))
        {
            // A forged or stale id (another workspace's, or deleted since): refused, nothing is written.
            request.AckWithErrors(new Dictionary<string, string> { [WorkflowModal.NameBlock] = WorkflowVerbs.NotFound });
            return;
        }

        if (existing is not null && existing.Version != metadata.Version)
        {
            request.AckWithErrors(new Dictionary<string, string> { [WorkflowModal.NameBlock] = Conflict(existing) });
            return;
        }

        var draft = WorkflowModal.Read(request.State, workspace.TeamId);
        if (existing is not null && request.State.Get(WorkflowModal.DeliveryModeBlock, WorkflowModal.DeliveryModeBlock + WorkflowModal.ActionSuffix) is null)
        {
            // A form opened before it had delivery inputs says nothing about delivery: the edit keeps what was saved.
            draft = draft with { Delivery = existing.Delivery };
        }

        var errors = await ValidateAsync(workspace, draft, existing, context.Client, metadata.Origin, cancellationToken);
        foreach (var (block, problem) in WorkflowModal.ReadDelivery(request.State).Problems)
        {
            // Delivery values are refused as they are read (a missing time or an unreadable number leaves no trace in
            // the draft), so their problems come from the form itself.
            errors.TryAdd(block, problem);
        }

        if (errors.Count > 0)
        {
            request.AckWithErrors(errors);
            return;
        }

        var userId = context.RequiredUserId();
        var result = existing is null
            ? await workflows.CreateAsync(workspace, draft, userId, cancellationToken)
            : await workflows.UpdateAsync(workspace, draft with { Id = existing.Id, Version = existing.Version, CreatedBy = existing.CreatedBy, CreatedAt = existing.CreatedAt }, userId, cancellationToken);
        switch (result.Outcome)
        {
            case WorkflowSaveOutcome.Saved:
                var text = WorkflowSavedNotice.Text(result.Workflow!, created: existing is null);
                if (metadata.Origin is not null)
                {
                    request.Ack();
                }
                else
                {
                    // From the Home tab there is no channel to answer in: the form itself says it was saved.
                    request.AckWithUpdate(WorkflowSavedNotice.View(text));
                }

                context.Logger.LogInformation("Workflow {WorkflowId} saved in {TeamId} by {UserId}", result.Workflow!.Id, workspace.TeamId, userId);
                if (metadata.Origin is { } channel)
                {
                    await WorkflowSavedNotice.PostAsync(context, channel, text, cancellationToken);
                }

                if (existing is not null && existing.Delivery != result.Workflow.Delivery)
                {
                    // Items the workflow holds (a digest's, or instant ones still waiting) follow the new settings.
                    await deliveryObserver.DeliveryChangedAsync(workspace, result.Workflow, cancellationToken);
                }

                await observer.WorkflowsChangedAsync(context, cancellationToken);
                return;
            case WorkflowSaveOutcome.NameTaken:
                request.AckWithErrors(new Dictionary<string, string> { [WorkflowModal.NameBlock] = NameTaken });
                return;
            case WorkflowSaveOutcome.VersionConflict:
                request.AckWithErrors(new Dictionary<string, string> { [WorkflowModal.NameBlock] = result.Workflow is { } current ? Conflict(current) : VersionConflict });
                return;
            default:
                request.AckWithErrors(new Dictionary<string, string> { [WorkflowModal.NameBlock] = WorkflowVerbs.NotFound });
                return;
        }
    }

    public const string NameTaken = "Another workflow in this workspace already has this name.";

    /// <summary>
    /// Every problem of <paramref name="draft"/>, keyed by the block_id to show it under. <paramref name="origin"/> is
    /// the channel the form was asked for in, whose name Slack sent: a private channel the app cannot see is then named.
    /// </summary>
    public async Task<Dictionary<string, string>> ValidateAsync(Workspace workspace, Workflow draft, Workflow? existing, ISlackApiClient client, WorkflowOrigin? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(client);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (draft.Name.Length == 0)
        {
            errors[WorkflowModal.NameBlock] = "Give the workflow a name.";
        }
        else if (draft.Name.Length > Workflow.MaxNameLength)
        {
            errors[WorkflowModal.NameBlock] = $"Keep the name to {Workflow.MaxNameLength.ToString(CultureInfo.InvariantCulture)} characters or fewer.";
        }
        else if (await workflows.FindByNameAsync(workspace, draft.Name, cancellationToken) is { } named && named.Id != existing?.Id)
        {
            errors[WorkflowModal.NameBlock] = NameTaken;
        }

        if (draft.SignalTypes.Count == 0)
        {
            errors[WorkflowModal.SignalTypesBlock] = "Choose at least one signal type.";
        }

        if (draft.Recipients.IsEmpty)
        {
            errors[WorkflowModal.ChannelsBlock] = "Choose at least one recipient: a channel, an account role or a person.";
        }

        // One conversations.info per channel, all at once and within one budget, so the errors still make the ack.
        var channels = draft.FallbackChannelId is { } fallback ? draft.Recipients.ChannelIds.Append(fallback) : draft.Recipients.ChannelIds;
        var names = origin?.Name is { } name ? new Dictionary<string, string>(StringComparer.Ordinal) { [origin.Id] = name } : null;
        var problems = await ChannelCheck.ProblemsAsync(client, channels, clock, names, cancellationToken);
        if (draft.Recipients.ChannelIds.Select(c => problems.GetValueOrDefault(c)).FirstOrDefault(p => p is not null) is { } problem)
        {
            errors[WorkflowModal.ChannelsBlock] = problem;
        }

        if (draft.FallbackChannelId is { } fallbackId && problems.GetValueOrDefault(fallbackId) is { } fallbackProblem)
        {
            errors[WorkflowModal.FallbackChannelBlock] = fallbackProblem;
        }

        return errors;
    }

    private string Conflict(Workflow current)
    {
        var minutes = (int)Math.Max(0, (clock.GetUtcNow() - current.UpdatedAt).TotalMinutes);
        var when = minutes < 1 ? "just now" : $"{minutes.ToString(CultureInfo.InvariantCulture)} min ago";
        return $"{VersionConflict} (Last saved {when}.)";
    }
}
