using SlackApp.Installations;

namespace SlackApp.Notifications;

/// <summary>
/// A stored signal's deliveries as the planner resolved them, ready for the outbox, which keys its rows on the
/// signal's row id (delivery keeps each channel's messages in that order).
/// </summary>
public sealed record PlannedSignal(Workspace Workspace, long SignalRowId, RecipientPlan Plan);
