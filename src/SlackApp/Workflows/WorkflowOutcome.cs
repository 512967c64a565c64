namespace SlackApp.Workflows;

/// <summary>
/// What became of a verb: done or not, and the mrkdwn to tell the person (null when a modal or list already shows
/// the result).
/// </summary>
public sealed record WorkflowOutcome(bool Done, string? Text = null)
{
    public static WorkflowOutcome Shown { get; } = new(true);

    public static WorkflowOutcome Problem(string text) => new(false, text);

    /// <summary>
    /// Set when the change itself is what the person sees once the surfaces showing workflows are drawn again (a
    /// workflow paused, resumed or deleted): a surface redrawn after changes (the Home tab) need not also say it.
    /// </summary>
    public bool ShownByRedraw { get; init; }

    /// <summary>
    /// Whether a surface that is redrawn after changes must still tell the person: a problem, or news the redraw
    /// does not show (a test was sent to their DM, the workflow was already paused).
    /// </summary>
    public bool TellEvenWhenRedrawn => !Done || (Text is not null && !ShownByRedraw);
}
