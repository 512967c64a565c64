using SlackApp.Data;

namespace SlackApp.Signals;

/// <summary>Wakes the matching worker right after the intake committed signals.</summary>
public sealed class SignalMatchingTrigger : WorkerWakeUp;
