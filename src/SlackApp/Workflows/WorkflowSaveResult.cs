namespace SlackApp.Workflows;

/// <summary>What happened to a create or edit: saved, or refused with the reason a person needs to hear.</summary>
public sealed record WorkflowSaveResult(WorkflowSaveOutcome Outcome, Workflow? Workflow = null)
{
    public static WorkflowSaveResult Saved(Workflow workflow) => new(WorkflowSaveOutcome.Saved, workflow);

    public static readonly WorkflowSaveResult NameTaken = new(WorkflowSaveOutcome.NameTaken);

    public static readonly WorkflowSaveResult NotFound = new(WorkflowSaveOutcome.NotFound);

    /// <summary>Someone saved a newer version first; <paramref name="current"/> is what they saved.</summary>
    public static WorkflowSaveResult Conflict(Workflow? current) => new(WorkflowSaveOutcome.VersionConflict, current);
}

public enum WorkflowSaveOutcome
{
    Saved,
    NameTaken,
    VersionConflict,
    NotFound,
}
