using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Runs queued handlers, at most <see cref="SlackRoutingOptions.MaxConcurrentHandlers"/> at once. On shutdown it stops
/// accepting work and lets running handlers finish until the host's shutdown timeout, then cancels them.
/// </summary>
internal sealed class SlackHandlerQueueWorker : IHostedService, IDisposable
{
    private readonly SlackHandlerQueue _queue;
    private readonly ILogger<SlackHandlerQueueWorker> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abort = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _nextId;
    private Task _loop = Task.CompletedTask;

    public SlackHandlerQueueWorker(SlackHandlerQueue queue, IOptions<SlackRoutingOptions> options, ILogger<SlackHandlerQueueWorker> logger)
    {
        _queue = queue;
        _logger = logger;
        var slots = Math.Max(1, options.Value.MaxConcurrentHandlers);
        _slots = new SemaphoreSlim(slots, slots);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(DrainAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        try
        {
            await _loop.WaitAsync(cancellationToken);
            await Task.WhenAll(_running.Values).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Shutdown timeout reached with {Count} Slack handlers still running; cancelling them.", _running.Count);
            await _abort.CancelAsync();
        }
    }

    public void Dispose()
    {
        _abort.Dispose();
        _slots.Dispose();
    }

    private async Task DrainAsync()
    {
        // Ends when the queue is completed and empty.
        await foreach (var work in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await _slots.WaitAsync(CancellationToken.None);
            var id = Interlocked.Increment(ref _nextId);
            var run = RunAsync(id, work);
            _running[id] = run;
            if (run.IsCompleted)
            {
                // It finished before it was tracked, so its own clean-up found nothing to remove.
                _running.TryRemove(id, out _);
            }
        }
    }

    private async Task RunAsync(long id, Func<CancellationToken, Task> work)
    {
        try
        {
            // Task.Run: a handler that blocks before its first await must not stall the queue.
            await Task.Run(() => work(_abort.Token), CancellationToken.None);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A queued Slack handler failed.");
        }
        finally
        {
            _slots.Release();
            _running.TryRemove(id, out _);
            _queue.MarkDone();
        }
    }
}
