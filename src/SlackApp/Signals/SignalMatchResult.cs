using SlackApp.Installations;

namespace SlackApp.Signals;

/// <summary>How many workflows a stored signal matched, as recorded when it is marked matched.</summary>
public sealed record SignalMatchResult(Workspace Workspace, long Id, int MatchCount);
