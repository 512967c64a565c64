using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>
/// What happens to stored signals once matched against their workspace's workflows (the notifications
/// feature). Called at least once per signal, possibly with no matches; a retry after a failure or a
/// crash calls it again, so it must be idempotent (key on <see cref="StoredSignal.Id"/>).
/// </summary>
public interface ISignalMatchHandler
{
    /// <summary>Handles one signal and stores what follows from it; throws when it should be retried later.</summary>
    Task HandleAsync(Workspace workspace, StoredSignal signal, IReadOnlyList<WorkflowMatch> matches, CancellationToken ct);

    /// <summary>
    /// Plans a claimed batch together (the matching worker's path): a signal that fails is reported in
    /// <see cref="ISignalBatchPlan.Failures"/> rather than thrown, so the rest of the batch completes. The default
    /// hands the signals to <see cref="HandleAsync"/> one at a time, leaving nothing to write alongside the matching.
    /// </summary>
    async Task<ISignalBatchPlan> PlanAsync(IReadOnlyList<MatchedSignal> batch, CancellationToken ct)
    {
        var failures = new Dictionary<long, Exception>();
        foreach (var matched in batch)
        {
            try
            {
                await HandleAsync(matched.Workspace, matched.Signal, matched.Matches, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                failures[matched.Signal.Id] = e;
            }
        }

        return new HandledSignalBatch(failures);
    }
}
