using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// A stored signal's deliveries as the planner resolved them, ready for the outbox, which keys its rows on the
/// signal's row id (delivery keeps each channel's messages in that order).
/// </summary>
public sealed record PlannedSignal(Workspace Workspace, long SignalRowId, RecipientPlan Plan)
{
    /// <summary>The signal itself, for the duplicate window's keys; without it no item is taken for a duplicate.</summary>
    public Signal? Signal { get; init; }
}
