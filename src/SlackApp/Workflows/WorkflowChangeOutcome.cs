namespace SlackApp.Workflows;

/// <summary>What became of a pause, resume or delete: done or not, and the mrkdwn to tell the person.</summary>
public sealed record WorkflowChangeOutcome(bool Done, string Text, Workflow? Workflow = null);
