namespace SlackApp.Workflows;

/// <summary>
/// A verb asked for from any surface, with the workflow it names (an id from a button or menu, or a
/// <see cref="WorkflowReference"/> typed in a command) and where a later reply can go.
/// </summary>
public sealed record WorkflowRequest(WorkflowVerb Verb, long? WorkflowId = null, WorkflowReference? Reference = null)
{
    /// <summary>Set when the request came from the list message, whose buttons refresh it in place.</summary>
    public bool FromListMessage { get; init; }
}
