namespace SlackApp.AdminApi;

/// <summary>What an import did, or with <c>dryRun</c> would do: one step per workflow, and the counts.</summary>
public sealed record WorkflowImportResult
{
    public bool DryRun { get; init; }

    /// <summary>True when the steps were written (all together); false for a dry run.</summary>
    public bool Applied { get; init; }

    public required IReadOnlyList<WorkflowImportStep> Steps { get; init; }

    public int Created => Steps.Count(s => s.Action == WorkflowImportStep.Create);

    public int Updated => Steps.Count(s => s.Action == WorkflowImportStep.Update);

    public int Deleted => Steps.Count(s => s.Action == WorkflowImportStep.Delete);

    public int Unchanged => Steps.Count(s => s.Action == WorkflowImportStep.Unchanged);
}

/// <summary>One workflow of an import: created, updated (with the fields that change), deleted, or left as it is.</summary>
public sealed record WorkflowImportStep
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Unchanged = "unchanged";

    public required string Name { get; init; }

    /// <summary><c>create</c>, <c>update</c>, <c>delete</c> or <c>unchanged</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The workflow's id; for a create, known once applied.</summary>
    public long? Id { get; init; }

    /// <summary>For an update, the fields that change (<c>signalTypes</c>, <c>recipients</c>, …).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
