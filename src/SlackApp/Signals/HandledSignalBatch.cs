using System.Data.Common;

namespace SlackApp.Signals;

/// <summary>A batch its handler dealt with signal by signal as it went: nothing is left to write alongside the matching.</summary>
internal sealed class HandledSignalBatch(IReadOnlyDictionary<long, Exception> failures) : ISignalBatchPlan
{
    public IReadOnlyDictionary<long, Exception> Failures { get; } = failures;

    public Task WriteAsync(DbTransaction transaction, IReadOnlyCollection<long> signalIds, CancellationToken ct) => Task.CompletedTask;

    public void Committed()
    {
    }
}
