using SlackApp.Workflows;

namespace SlackApp.AdminApi;

/// <summary>
/// The admin API's workflow routes: list, get, create, replace, delete, pause and resume. Writes are validated as
/// the modal validates them and saved through <see cref="WorkflowRepository"/>, so they carry the same audit trail
/// (the key as the actor). Replace and delete require <c>If-Match</c>; pause and resume honour it when sent.
/// </summary>
internal sealed class WorkflowApi(
    WorkflowRepository workflows,
    WorkflowValidation validation,
    WorkspaceClients clients,
    IWorkflowDeliveryObserver deliveryObserver,
    ILogger<WorkflowApi> logger)
{
    public async Task<IResult> ListAsync(ApiCaller caller, CancellationToken cancellationToken)
    {
        var all = await workflows.ListAsync(caller.Workspace, cancellationToken);
        return Results.Json(new WorkflowList([.. all.Select(WorkflowShapes.Resource)]), AdminApiJson.Write);
    }

    public async Task<IResult> GetAsync(ApiCaller caller, long id, HttpResponse response, CancellationToken cancellationToken) =>
        await workflows.GetAsync(caller.Workspace, id, cancellationToken) is { } workflow ? Found(workflow, response) : ApiProblems.NotFound();

    public async Task<IResult> CreateAsync(ApiCaller caller, HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await AdminApiJson.ReadAsync<WorkflowInput>(request, AdminApiJson.MaxWorkflowBytes, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var checkedDraft = await CheckAsync(caller, input, null, cancellationToken);
        if (checkedDraft.Problem is { } refused)
        {
            return refused;
        }

        var result = await workflows.CreateAsync(caller.Workspace, checkedDraft.Draft!, caller.Actor, cancellationToken);
        if (result.Outcome != WorkflowSaveOutcome.Saved)
        {
            return NameTaken();
        }

        var saved = result.Workflow!;
        logger.LogInformation("Workflow {WorkflowId} created in {TeamId} with API key {KeyId}", saved.Id, caller.Workspace.TeamId, caller.Key.Id);
        request.HttpContext.Response.Headers.ETag = VersionTags.Of(saved.Version);
        request.HttpContext.Response.Headers.Location = $"{AdminApiEndpoints.PathOf(caller.Workspace.TeamId)}/workflows/{saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return Results.Json(WorkflowShapes.Resource(saved), AdminApiJson.Write, statusCode: StatusCodes.Status201Created);
    }

    public async Task<IResult> ReplaceAsync(ApiCaller caller, long id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (existing, refusal) = await FindForWriteAsync(caller, id, request, ifMatchRequired: true, cancellationToken);
        if (existing is null)
        {
            return refusal!;
        }

        var (input, problem) = await AdminApiJson.ReadAsync<WorkflowInput>(request, AdminApiJson.MaxWorkflowBytes, cancellationToken);
        if (input is null)
        {
            return problem!;
        }

        var checkedDraft = await CheckAsync(caller, input, existing, cancellationToken);
        if (checkedDraft.Problem is { } refused)
        {
            return refused;
        }

        var edited = checkedDraft.Draft! with { Id = existing.Id, Version = existing.Version, CreatedBy = existing.CreatedBy, CreatedAt = existing.CreatedAt };
        var result = await workflows.UpdateAsync(caller.Workspace, edited, caller.Actor, cancellationToken);
        switch (result.Outcome)
        {
            case WorkflowSaveOutcome.Saved:
                if (existing.Delivery != result.Workflow!.Delivery)
                {
                    // As after a modal save: items the workflow holds follow its new delivery settings.
                    await deliveryObserver.DeliveryChangedAsync(caller.Workspace, result.Workflow, cancellationToken);
                }

                return Found(result.Workflow, request.HttpContext.Response);
            case WorkflowSaveOutcome.VersionConflict:
                return ApiProblems.Stale(result.Workflow?.Version ?? existing.Version);
            case WorkflowSaveOutcome.NameTaken:
                return NameTaken();
            default:
                return ApiProblems.NotFound();
        }
    }

    public async Task<IResult> DeleteAsync(ApiCaller caller, long id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (existing, refusal) = await FindForWriteAsync(caller, id, request, ifMatchRequired: true, cancellationToken);
        if (existing is null)
        {
            return refusal!;
        }

        // The version checked above must still be there as the row goes: a save in between makes it 412, not a silent delete.
        if (await workflows.DeleteAsync(caller.Workspace, id, caller.Actor, VersionTags.From(request).Expected(existing.Version), cancellationToken))
        {
            return Results.NoContent();
        }

        return await workflows.GetAsync(caller.Workspace, id, cancellationToken) is { } current ? ApiProblems.Stale(current.Version) : ApiProblems.NotFound();
    }

    public async Task<IResult> SetEnabledAsync(ApiCaller caller, long id, bool enabled, HttpRequest request, CancellationToken cancellationToken)
    {
        var (existing, refusal) = await FindForWriteAsync(caller, id, request, ifMatchRequired: false, cancellationToken);
        if (existing is null)
        {
            return refusal!;
        }

        var result = await workflows.SetEnabledAsync(caller.Workspace, id, enabled, caller.Actor, VersionTags.From(request).Expected(existing.Version), cancellationToken);
        return result.Outcome switch
        {
            WorkflowSaveOutcome.Saved => Found(result.Workflow!, request.HttpContext.Response),
            // Saved by someone else between the check above and this write.
            WorkflowSaveOutcome.VersionConflict => ApiProblems.Stale(result.Workflow!.Version),
            _ => ApiProblems.NotFound(),
        };
    }

    private async Task<(Workflow? Draft, IResult? Problem)> CheckAsync(ApiCaller caller, WorkflowInput input, Workflow? existing, CancellationToken cancellationToken)
    {
        if (await clients.GetAsync(caller.Workspace, cancellationToken) is not { } client)
        {
            return (null, ApiProblems.NotFound("workspace"));
        }

        var errors = new FieldErrors();
        var draft = await validation.ValidateAsync(caller.Workspace, input, existing, client, new SlackNames(client), string.Empty, errors, cancellationToken);
        return errors.Count > 0 ? (null, ApiProblems.Invalid(errors)) : (draft, null);
    }

    // The workflow a write is about: found in the caller's own workspace (else 404) and its If-Match checked (else 412/428).
    private async Task<(Workflow? Existing, IResult? Refused)> FindForWriteAsync(ApiCaller caller, long id, HttpRequest request, bool ifMatchRequired, CancellationToken cancellationToken)
    {
        var existing = await workflows.GetAsync(caller.Workspace, id, cancellationToken);
        if (existing is null)
        {
            return (null, ApiProblems.NotFound());
        }

        return Precondition(request, existing, ifMatchRequired) is { } failed ? (null, failed) : (existing, null);
    }

    private static IResult? Precondition(HttpRequest request, Workflow existing, bool required)
    {
        var tags = VersionTags.From(request);
        if (!tags.Present)
        {
            return required ? ApiProblems.PreconditionRequired() : null;
        }

        if (tags.Matches(existing.Version))
        {
            return null;
        }

        request.HttpContext.Response.Headers.ETag = VersionTags.Of(existing.Version);
        return ApiProblems.Stale(existing.Version);
    }

    private static IResult Found(Workflow workflow, HttpResponse response)
    {
        response.Headers.ETag = VersionTags.Of(workflow.Version);
        return Results.Json(WorkflowShapes.Resource(workflow), AdminApiJson.Write);
    }

    private static IResult NameTaken() => ApiProblems.Problem(StatusCodes.Status409Conflict, "Name taken", WorkflowSubmission.NameTaken);
}
