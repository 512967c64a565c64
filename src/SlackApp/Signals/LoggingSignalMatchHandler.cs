using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>The default handler until notifications are registered: it only logs what matched.</summary>
internal sealed class LoggingSignalMatchHandler(ILogger<LoggingSignalMatchHandler> logger) : ISignalMatchHandler
{
    public Task HandleAsync(Workspace workspace, StoredSignal signal, IReadOnlyList<WorkflowMatch> matches, CancellationToken ct)
    {
        logger.LogInformation(
            "Signal {SignalId} of {Workspace} matched {MatchCount} workflow(s): {Workflows}",
            signal.Signal.Id, workspace, matches.Count, string.Join(", ", matches.Select(m => m.Workflow.Name)));
        return Task.CompletedTask;
    }
}
