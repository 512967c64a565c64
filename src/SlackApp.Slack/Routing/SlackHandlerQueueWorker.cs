using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SlackApp.Slack.Routing;

/// <summary>
/// Runs Slack handlers: queued ones (events) at most <see cref="SlackRoutingOptions.MaxConcurrentHandlers"/> at once,
/// and interactive ones at once, so that a busy queue never costs a user's ack or trigger_id. On shutdown it stops
/// accepting work and lets every accepted run finish until the host's shutdown timeout, then cancels them.
/// </summary>
internal sealed class SlackHandlerQueueWorker : IHostedService, IDisposable
{
    private readonly SlackHandlerQueue _queue;
    private readonly ILogger<SlackHandlerQueueWorker> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abort = new();
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

    /// <summary>
    /// Starts <paramref name="work"/> now, without waiting for a queue slot, still counted as pending background work;
    /// false when shutting down.
    /// </summary>
    public bool TryRunNow(Func<CancellationToken, Task> work)
    {
        if (!_queue.TryBeginImmediate())
        {
            return false;
        }

        _ = RunAsync(work, holdsSlot: false);
        return true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        try
        {
            await _loop.WaitAsync(cancellationToken);

            // Pending counts every accepted run, queued or immediate, and no new one can begin after Complete.
            await _queue.WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Shutdown timeout reached with {Count} Slack handlers still pending; cancelling them.", _queue.Pending);
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
            _ = RunAsync(work, holdsSlot: true);
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> work, bool holdsSlot)
    {
        try
        {
            // Task.Run: a handler that blocks before its first await must stall neither the queue nor the request.
            await Task.Run(() => work(_abort.Token), CancellationToken.None);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A Slack handler failed.");
        }
        finally
        {
            if (holdsSlot)
            {
                _slots.Release();
            }

            _queue.MarkDone();
        }
    }
}
