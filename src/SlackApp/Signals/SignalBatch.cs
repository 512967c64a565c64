using System.Diagnostics;
using SlackApp.Installations;

namespace SlackApp.Signals;

/// <summary>One request's signals for one workspace: stored all or none, counted on their own.</summary>
public sealed record SignalBatch(Workspace Workspace, IReadOnlyList<IncomingSignal> Signals)
{
    /// <summary>The W3C traceparent of the span it was received in (taken where it is built, on the request), stored with each signal.</summary>
    public string? TraceParent { get; init; } = Activity.Current?.Id;
}
