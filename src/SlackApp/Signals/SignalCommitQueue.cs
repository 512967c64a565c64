using System.Threading.Channels;
using SlackApp.Installations;

namespace SlackApp.Signals;

/// <summary>
/// Group commit for the signal intake: one writer takes every request queued while the previous commit ran (up to
/// <see cref="MaxGroupSignals"/>) and stores them in one transaction, so concurrent requests share one commit (one
/// fsync on SQLite) instead of paying one each. A request's task completes only once its rows are committed, with its
/// own counts. A group that fails is retried one request at a time, so one bad request fails alone.
/// </summary>
public sealed class SignalCommitQueue(SignalRepository signals, ILogger<SignalCommitQueue> logger) : IHostedService
{
    /// <summary>Signals per transaction, roughly (a group may pass it by one request): bounds one commit's latency.</summary>
    public const int MaxGroupSignals = 5000;

    private const int Capacity = 1024;

    private readonly Channel<PendingCommit> _queue = Channel.CreateBounded<PendingCommit>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Task? _writer;

    /// <summary>Stores the request's signals, all or none, and answers once they are committed.</summary>
    public async Task<SignalIntakeResult> AddAsync(Workspace workspace, IReadOnlyList<IncomingSignal> batch, CancellationToken cancellationToken)
    {
        var commit = new PendingCommit(new SignalBatch(workspace, batch), cancellationToken);
        try
        {
            await _queue.Writer.WriteAsync(commit, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Stopping: the writer is gone, so the request commits on its own.
            return await signals.AddAsync(workspace, batch, cancellationToken);
        }

        // The group's write does not take this token: a request that goes away cannot abort its group-mates' commit.
        return await commit.Result.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not BackgroundService: it may never run ExecuteAsync when stopped at once, leaving queued requests unanswered.
        _writer = Task.Run(WriteAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Takes no more requests (later ones commit alone) and waits until the queued ones are committed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await (_writer ?? WriteAsync()).WaitAsync(cancellationToken);
    }

    private async Task WriteAsync()
    {
        var group = new List<PendingCommit>();
        // Runs until StopAsync completes the channel and what was queued is committed: an accepted request is answered.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            var size = 0;
            while (size < MaxGroupSignals && _queue.Reader.TryRead(out var next))
            {
                // A request given up before its turn is not stored (its caller saw it cancelled).
                if (next.RequestAborted.IsCancellationRequested)
                {
                    next.Result.TrySetCanceled(next.RequestAborted);
                    continue;
                }

                group.Add(next);
                size += next.Batch.Signals.Count;
            }

            if (group.Count > 0)
            {
                await CommitAsync(group);
            }
        }
    }

    private async Task CommitAsync(List<PendingCommit> group)
    {
        try
        {
            var results = await signals.AddGroupAsync([.. group.Select(c => c.Batch)], CancellationToken.None);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Result.TrySetResult(results[i]);
            }

            return;
        }
        catch (Exception e) when (group.Count > 1)
        {
            logger.LogWarning(e, "Storing a group of {Count} signal requests failed; storing each on its own.", group.Count);
        }
        catch (Exception e)
        {
            group[0].Result.TrySetException(e);
            return;
        }

        foreach (var commit in group)
        {
            try
            {
                commit.Result.TrySetResult((await signals.AddGroupAsync([commit.Batch], CancellationToken.None))[0]);
            }
            catch (Exception e)
            {
                commit.Result.TrySetException(e);
            }
        }
    }

    private sealed record PendingCommit(SignalBatch Batch, CancellationToken RequestAborted)
    {
        // Completed by the writer: continuations run on the thread pool, never inside the writer's loop.
        public TaskCompletionSource<SignalIntakeResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
