using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SlackApp.Slack.Routing;

/// <summary>
/// The bounded queue of event handler runs, drained by <see cref="SlackHandlerQueueWorker"/> (Bolt's lazy listeners),
/// and the count of every run still pending: queued, running from the queue, or started at once (interactive listeners).
/// </summary>
internal sealed class SlackHandlerQueue : ISlackBackgroundWork
{
    private readonly Channel<Func<CancellationToken, Task>> _channel;
    private readonly object _gate = new();
    private int _pending;
    private bool _accepting = true;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public SlackHandlerQueue(IOptions<SlackRoutingOptions> options)
    {
        _channel = Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<Func<CancellationToken, Task>> Reader => _channel.Reader;

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues a run; false when the queue is full or shutting down.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work)
    {
        lock (_gate)
        {
            if (!_channel.Writer.TryWrite(work))
            {
                return false;
            }

            Begin();
            return true;
        }
    }

    /// <summary>Counts a run that starts at once, outside the queue; false when shutting down.</summary>
    public bool TryBeginImmediate()
    {
        lock (_gate)
        {
            if (!_accepting)
            {
                return false;
            }

            Begin();
            return true;
        }
    }

    /// <summary>Called by the worker when a run (queued or immediate) has finished, however it ended.</summary>
    public void MarkDone()
    {
        lock (_gate)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Accepts no more runs, queued or immediate; those already accepted still run.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _accepting = false;
            _channel.Writer.TryComplete();
        }
    }

    // Callers hold _gate.
    private void Begin()
    {
        if (_pending++ == 0)
        {
            _idle = NewIdle(completed: false);
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }
}
