using System.Data.Common;

namespace SlackApp.Signals;

/// <summary>
/// What an <see cref="ISignalMatchHandler"/> made of a batch of matched signals before anything is stored: the
/// signals it could not handle, and the rows it will write for the others inside the transaction that marks them
/// matched (so a signal is matched exactly when its follow-up rows exist).
/// </summary>
public interface ISignalBatchPlan
{
    /// <summary>The signals (by <see cref="StoredSignal.Id"/>) that could not be planned, with why: each stays pending and is retried alone later.</summary>
    IReadOnlyDictionary<long, Exception> Failures { get; }

    /// <summary>
    /// Writes what was planned for <paramref name="signalIds"/> (signals not in <see cref="Failures"/>) inside
    /// <paramref name="transaction"/>. Idempotent: when the batch's transaction fails, its signals are written
    /// again one at a time, and a signal retried after a crash may find its rows already there.
    /// </summary>
    Task WriteAsync(DbTransaction transaction, IReadOnlyCollection<long> signalIds, CancellationToken ct);

    /// <summary>Called after a transaction holding <see cref="WriteAsync"/> committed (e.g. to wake the worker that acts on the rows).</summary>
    void Committed();
}
