namespace SlackApp.Workflows;

/// <summary>
/// What became of a verb: done or not, the mrkdwn to tell the person (null when a modal already shows the result),
/// and the workspace's workflows when the verb lists them.
/// </summary>
public sealed record WorkflowOutcome(bool Done, string? Text = null, IReadOnlyList<Workflow>? Workflows = null)
{
    public static WorkflowOutcome Shown { get; } = new(true);

    public static WorkflowOutcome Problem(string text) => new(false, text);
}
