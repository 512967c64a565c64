using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// One recipient of a signal's notification, with every workflow that sends it there, the notes of the DMs
/// this copy stands in for, and (for <see cref="RecipientKind.Role"/>) why nobody could be notified.
/// </summary>
public sealed record PlannedDelivery(
    RecipientKind Kind,
    string RecipientId,
    IReadOnlyList<WorkflowMatch> Matches,
    IReadOnlyList<string> Notes,
    string? UndeliverableReason = null)
{
    /// <summary>The reader's time zone and quiet hours, which time its release; UTC and none unless the planner found them.</summary>
    public RecipientClock Clock { get; init; } = RecipientClock.Utc;

    /// <summary>The roles whose email Slack did not know, for a fallback copy standing in for their DMs ("Map this owner").</summary>
    public IReadOnlyList<AccountRole> UnmatchedRoles { get; init; } = [];

    /// <summary>The notes as one line for the message, or null.</summary>
    public string? Note => Notes.Count == 0 ? null : string.Join(" ", Notes);
}
