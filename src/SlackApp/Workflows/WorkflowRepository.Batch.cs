using System.Data.Common;
using SlackApp.Audit;
using SlackApp.Installations;

namespace SlackApp.Workflows;

public sealed partial class WorkflowRepository
{
    /// <summary>
    /// Applies <paramref name="writes"/> in one transaction, each with its audit entry as a single save would record it:
    /// all of them, or (when one is refused: a name taken, a version moved on, a workflow gone) none.
    /// </summary>
    public async Task<WorkflowBatchResult> ApplyAsync(Workspace workspace, IReadOnlyList<WorkflowWrite> writes, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var saved = new List<Workflow>();

        // Deletions first, so a workflow created under the name of one deleted in the same batch does not collide.
        foreach (var (write, index) in writes.Select((w, i) => (w, i)).OrderBy(p => p.w is WorkflowWrite.Delete ? 0 : 1))
        {
            var outcome = await ApplyOneAsync(connection, transaction, workspace, write, actor, cancellationToken);
            if (outcome.Outcome != WorkflowSaveOutcome.Saved)
            {
                // Disposing the transaction uncommitted rolls back what the batch wrote so far.
                return new WorkflowBatchResult([], index, outcome.Outcome);
            }

            if (outcome.Workflow is { } workflow)
            {
                saved.Add(workflow);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new WorkflowBatchResult(saved);
    }

    private async Task<WorkflowSaveResult> ApplyOneAsync(DbConnection connection, DbTransaction transaction, Workspace workspace, WorkflowWrite write, AuditActor actor, CancellationToken cancellationToken)
    {
        try
        {
            return write switch
            {
                WorkflowWrite.Create create => await InsertAsync(connection, transaction, workspace, create.Draft, actor, cancellationToken),
                WorkflowWrite.Update update => await UpdateInAsync(connection, transaction, workspace, update.Edited, actor, cancellationToken)
                    ?? WorkflowSaveResult.Conflict(null),
                WorkflowWrite.Delete delete => await DeleteInAsync(connection, transaction, workspace, delete.Id, actor, expectedVersion: null, cancellationToken)
                    ? new WorkflowSaveResult(WorkflowSaveOutcome.Saved)
                    : WorkflowSaveResult.NotFound,
                _ => throw new ArgumentOutOfRangeException(nameof(write)),
            };
        }
        catch (DbException e) when (connections.Dialect.IsUniqueViolation(e))
        {
            return WorkflowSaveResult.NameTaken;
        }
    }
}
