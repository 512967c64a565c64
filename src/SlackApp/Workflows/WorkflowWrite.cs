namespace SlackApp.Workflows;

/// <summary>One write of a batch applied together (<see cref="WorkflowRepository.ApplyAsync"/>): create, update or delete.</summary>
public abstract record WorkflowWrite
{
    private WorkflowWrite()
    {
    }

    /// <summary>A new workflow.</summary>
    public sealed record Create(Workflow Draft) : WorkflowWrite;

    /// <summary>An edit of <c>Edited.Id</c> made from <c>Edited.Version</c>.</summary>
    public sealed record Update(Workflow Edited) : WorkflowWrite;

    /// <summary>A deletion of the workflow <paramref name="Id"/>.</summary>
    public sealed record Delete(long Id) : WorkflowWrite;
}

/// <summary>
/// What became of a batch: every write applied (<see cref="Saved"/> holds the created and updated workflows), or none,
/// with the index of the write that was refused and why.
/// </summary>
public sealed record WorkflowBatchResult(IReadOnlyList<Workflow> Saved, int? FailedIndex = null, WorkflowSaveOutcome? FailedOutcome = null)
{
    public bool Applied => FailedIndex is null;
}
