using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SlackApp.Slack.Routing;

/// <summary>The bounded queue of handler runs, drained by <see cref="SlackHandlerQueueWorker"/> (Bolt's lazy listeners).</summary>
internal sealed class SlackHandlerQueue
{
    private readonly Channel<Func<CancellationToken, Task>> _channel;

    public SlackHandlerQueue(IOptions<SlackRoutingOptions> options)
    {
        _channel = Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<Func<CancellationToken, Task>> Reader => _channel.Reader;

    /// <summary>Queues a run; false when the queue is full or shutting down.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work) => _channel.Writer.TryWrite(work);

    /// <summary>Accepts no more runs; those queued still run.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
