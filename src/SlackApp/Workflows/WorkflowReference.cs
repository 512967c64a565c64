using System.Globalization;
using SlackApp.Installations;

namespace SlackApp.Workflows;

/// <summary>How a person names a workflow in a command: <c>#12</c> by id, or its name (quotes optional).</summary>
public sealed record WorkflowReference(long? Id, string? Name)
{
    /// <summary>Null when <paramref name="text"/> names nothing.</summary>
    public static WorkflowReference? Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim().Trim('"', '\u201C', '\u201D', '\'').Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.StartsWith('#') && long.TryParse(trimmed.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new WorkflowReference(id, null);
        }

        return new WorkflowReference(null, trimmed);
    }

    /// <summary>The workflow of <paramref name="workspace"/> this names, or null.</summary>
    public Task<Workflow?> FindAsync(WorkflowRepository workflows, Workspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        return Id is { } id ? workflows.GetAsync(workspace, id, cancellationToken) : workflows.FindByNameAsync(workspace, Name!, cancellationToken);
    }

    public override string ToString() => Id is { } id ? $"#{id}" : Name!;
}
