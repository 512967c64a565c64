namespace SlackApp.Workflows;

/// <summary>A workflow that matched a signal, and the conditions that made it match, in words.</summary>
public sealed record WorkflowMatch(Workflow Workflow, IReadOnlyList<string> Reasons);
