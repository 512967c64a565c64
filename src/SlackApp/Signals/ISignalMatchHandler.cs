using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>
/// What happens to a stored signal once matched against its workspace's workflows (the notifications
/// feature). Called at least once per signal, possibly with no matches; a retry after a failure or a
/// crash calls it again, so it must be idempotent (key on <see cref="StoredSignal.Id"/>).
/// </summary>
public interface ISignalMatchHandler
{
    Task HandleAsync(Workspace workspace, StoredSignal signal, IReadOnlyList<WorkflowMatch> matches, CancellationToken ct);
}
