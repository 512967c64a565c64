using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>A stored signal of a workspace where the app is installed, with the workflows it matched (maybe none).</summary>
public sealed record MatchedSignal(Workspace Workspace, StoredSignal Signal, IReadOnlyList<WorkflowMatch> Matches);
