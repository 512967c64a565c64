using System.Globalization;
using System.Text.Json;
using SlackApp.Workflows;

namespace SlackApp.AdminApi;

/// <summary>
/// Workflows as code. Export writes every workflow of the workspace as one document; import applies one: each
/// workflow is matched to a stored one by name (case-insensitive, as names are unique), validated as the modal
/// validates, and created, updated or left unchanged; with <c>deleteMissing</c>, stored workflows the document does not
/// name are deleted. All of it in one transaction, or nothing; a dry run answers the plan and writes nothing.
/// </summary>
internal sealed class WorkflowImport(
    WorkflowRepository workflows,
    WorkflowValidation validation,
    WorkspaceClients clients,
    IWorkflowDeliveryObserver deliveryObserver,
    ILogger<WorkflowImport> logger)
{
    /// <summary>Workflows one import may carry.</summary>
    public const int MaxWorkflows = 500;

    public async Task<IResult> ExportAsync(ApiCaller caller, CancellationToken cancellationToken)
    {
        var all = await workflows.ListAsync(caller.Workspace, cancellationToken);
        return Results.Json(new WorkflowsDocument { Workflows = [.. all.Select(WorkflowShapes.Input)] }, AdminApiJson.Write);
    }

    public async Task<IResult> ImportAsync(ApiCaller caller, HttpRequest request, bool dryRun, bool deleteMissing, CancellationToken cancellationToken)
    {
        var (document, problem) = await AdminApiJson.ReadAsync<WorkflowsDocument>(request, AdminApiJson.MaxImportBytes, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        var errors = new FieldErrors();
        if (document.Workflows is not { } items)
        {
            errors.Add("workflows", "Required: the list of workflows (an export's document).");
            return ApiProblems.Invalid(errors, "Invalid import");
        }

        if (items.Count > MaxWorkflows)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "Too many workflows", $"An import carries at most {MaxWorkflows} workflows; this one has {items.Count}.");
        }

        if (await clients.GetAsync(caller.Workspace, cancellationToken) is not { } client)
        {
            return ApiProblems.NotFound("workspace");
        }

        var stored = await workflows.ListAsync(caller.Workspace, cancellationToken);
        var byName = stored.ToDictionary(w => WorkflowRepository.NameKey(w.Name), StringComparer.Ordinal);
        var names = new SlackNames(client);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var steps = new List<WorkflowImportStep>();
        var writes = new List<WorkflowWrite>();
        var writeItems = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = $"workflows[{i.ToString(CultureInfo.InvariantCulture)}].";
            if (items[i] is not { } item)
            {
                errors.Add(prefix[..^1], "A workflow object, not null.");
                continue;
            }

            var key = WorkflowRepository.NameKey(item.Name ?? string.Empty);
            if (key.Length > 0 && !seen.Add(key))
            {
                errors.Add(prefix + "name", "Another workflow of this document has this name; names are unique (ignoring case).");
                continue;
            }

            var existing = byName.GetValueOrDefault(key);
            var draft = await validation.ValidateAsync(caller.Workspace, item, existing, client, names, prefix, errors, cancellationToken);
            if (existing is null)
            {
                steps.Add(new WorkflowImportStep { Name = draft.Name, Action = WorkflowImportStep.Create });
                writes.Add(new WorkflowWrite.Create(draft));
                writeItems.Add(steps.Count - 1);
                continue;
            }

            var fields = ChangedFields(existing, draft);
            steps.Add(new WorkflowImportStep { Name = draft.Name, Id = existing.Id, Action = fields.Count == 0 ? WorkflowImportStep.Unchanged : WorkflowImportStep.Update, Fields = fields });
            if (fields.Count > 0)
            {
                writes.Add(new WorkflowWrite.Update(draft with { Id = existing.Id, Version = existing.Version, CreatedBy = existing.CreatedBy, CreatedAt = existing.CreatedAt }));
                writeItems.Add(steps.Count - 1);
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "Invalid import");
        }

        if (deleteMissing)
        {
            foreach (var gone in stored.Where(w => !seen.Contains(WorkflowRepository.NameKey(w.Name))))
            {
                steps.Add(new WorkflowImportStep { Name = gone.Name, Id = gone.Id, Action = WorkflowImportStep.Delete });
                writes.Add(new WorkflowWrite.Delete(gone.Id));
                writeItems.Add(steps.Count - 1);
            }
        }

        if (dryRun || writes.Count == 0)
        {
            return Results.Json(new WorkflowImportResult { DryRun = dryRun, Applied = !dryRun, Steps = steps }, AdminApiJson.Write);
        }

        var result = await workflows.ApplyAsync(caller.Workspace, writes, caller.Actor, cancellationToken);
        if (!result.Applied)
        {
            var step = steps[writeItems[result.FailedIndex!.Value]];
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "Import not applied", result.FailedOutcome switch
            {
                WorkflowSaveOutcome.NameTaken => $"Workflow \"{step.Name}\": {WorkflowSubmission.NameTaken} Nothing was changed.",
                _ => $"Workflow \"{step.Name}\" changed or was deleted while importing. Nothing was changed; send the import again.",
            });
        }

        await TellDeliveryChangesAsync(caller, stored, result.Saved, cancellationToken);
        logger.LogInformation("Import into {TeamId} with API key {KeyId}: {Writes} write(s)", caller.Workspace.TeamId, caller.Key.Id, writes.Count);
        var ids = result.Saved.ToDictionary(w => WorkflowRepository.NameKey(w.Name), w => w.Id, StringComparer.Ordinal);
        var applied = steps.Select(s => s.Id is null && ids.TryGetValue(WorkflowRepository.NameKey(s.Name), out var id) ? s with { Id = id } : s).ToList();
        return Results.Json(new WorkflowImportResult { Applied = true, Steps = applied }, AdminApiJson.Write);
    }

    private async Task TellDeliveryChangesAsync(ApiCaller caller, IReadOnlyList<Workflow> before, IReadOnlyList<Workflow> saved, CancellationToken cancellationToken)
    {
        var old = before.ToDictionary(w => w.Id);
        foreach (var workflow in saved.Where(w => old.TryGetValue(w.Id, out var was) && was.Delivery != w.Delivery))
        {
            await deliveryObserver.DeliveryChangedAsync(caller.Workspace, workflow, cancellationToken);
        }
    }

    /// <summary>The API fields whose values differ, compared in the export's own shape, so an export imported back changes nothing.</summary>
    private static List<string> ChangedFields(Workflow existing, Workflow draft)
    {
        var before = WorkflowShapes.Input(existing);
        var after = WorkflowShapes.Input(draft);
        var fields = new List<string>();
        Compare("name", before.Name, after.Name);
        Compare("enabled", before.Enabled, after.Enabled);
        Compare("signalTypes", before.SignalTypes, after.SignalTypes);
        Compare("filters", before.Filters, after.Filters);
        Compare("recipients", before.Recipients, after.Recipients);
        Compare("fallbackChannel", before.FallbackChannel, after.FallbackChannel);
        Compare("delivery", before.Delivery, after.Delivery);
        return fields;

        void Compare<T>(string field, T was, T now)
        {
            if (JsonSerializer.Serialize(was, AdminApiJson.Write) != JsonSerializer.Serialize(now, AdminApiJson.Write))
            {
                fields.Add(field);
            }
        }
    }
}
