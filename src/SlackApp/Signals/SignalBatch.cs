using SlackApp.Installations;

namespace SlackApp.Signals;

/// <summary>One request's signals for one workspace: stored all or none, counted on their own.</summary>
public sealed record SignalBatch(Workspace Workspace, IReadOnlyList<IncomingSignal> Signals);
