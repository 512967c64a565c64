using SlackApp.Installations;

namespace SlackApp.Signals;

/// <summary>
/// A claimed batch on its way through matching: each signal is matched (to be marked with its match count), skipped
/// (its workspace no longer has the app: marked with 0), or failed (left pending, retried alone later). A signal that
/// fails at a later step leaves the matched or skipped ones.
/// </summary>
internal sealed class ClaimedSignalBatch
{
    private readonly List<(PendingSignal Pending, MatchedSignal Matched)> _matched = [];
    private readonly List<PendingSignal> _skipped = [];
    private readonly Dictionary<long, PendingSignal> _claimed = [];
    private readonly Dictionary<long, (PendingSignal Pending, Exception Failure)> _failed = [];

    /// <summary>The signals to plan: matched, not failed.</summary>
    public IReadOnlyList<MatchedSignal> Matched => [.. _matched.Where(m => !_failed.ContainsKey(m.Pending.Id)).Select(m => m.Matched)];

    public IReadOnlyList<PendingSignal> Skipped => [.. _skipped.Where(p => !_failed.ContainsKey(p.Id))];

    public IReadOnlyList<(PendingSignal Pending, Exception Failure)> Failed => [.. _failed.Values];

    /// <summary>The signals done with: matched or skipped, and not failed.</summary>
    public IEnumerable<PendingSignal> Settled => _matched.Select(m => m.Pending).Concat(_skipped).Where(p => !_failed.ContainsKey(p.Id));

    /// <summary>What the batch did, counted once each signal's fate is settled.</summary>
    public SignalMatchingPass Pass => new(Matched.Count, _failed.Count, Skipped.Count);

    public void Match(PendingSignal pending, MatchedSignal matched)
    {
        _claimed[pending.Id] = pending;
        _matched.Add((pending, matched));
    }

    public void Skip(PendingSignal pending)
    {
        _claimed[pending.Id] = pending;
        _skipped.Add(pending);
    }

    public void Fail(PendingSignal pending, Exception failure)
    {
        _claimed[pending.Id] = pending;
        _failed[pending.Id] = (pending, failure);
    }

    /// <summary>Fails a signal of this batch by its row id; ids the batch does not hold are ignored.</summary>
    public void Fail(long id, Exception failure)
    {
        if (_claimed.TryGetValue(id, out var pending))
        {
            _failed[id] = (pending, failure);
        }
    }

    /// <summary>What to mark matched, in row order: each matched signal with its match count, each skipped one with 0.</summary>
    public IReadOnlyList<SignalMatchResult> Done() =>
    [
        .. Matched.Select(m => new SignalMatchResult(m.Workspace, m.Signal.Id, m.Matches.Count))
            .Concat(Skipped.Select(p => new SignalMatchResult(new Workspace(p.TeamId), p.Id, 0)))
            .OrderBy(r => r.Id),
    ];
}
