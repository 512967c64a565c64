using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Routing;

namespace SlackApp.Slack.Tests.Routing;

public sealed class SlackBackgroundWorkTests
{
    [Fact]
    public async Task Idle_only_after_every_queued_run_has_finished()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new SlackRoutingOptions());
        var queue = new SlackHandlerQueue(options);
        using var worker = new SlackHandlerQueueWorker(queue, options, NullLogger<SlackHandlerQueueWorker>.Instance);
        await worker.StartAsync(ct);
        var release = new TaskCompletionSource();

        Assert.True(queue.WhenIdleAsync(ct).IsCompleted);
        Assert.True(queue.TryEnqueue(_ => release.Task));
        Assert.True(queue.TryEnqueue(_ => throw new InvalidOperationException("a failing listener still counts as done")));
        var idle = queue.WhenIdleAsync(ct);

        Assert.False(idle.IsCompleted);
        release.SetResult();
        await idle;
        Assert.Equal(0, queue.Pending);
        await worker.StopAsync(ct);
    }

    [Fact]
    public async Task Starts_an_immediate_run_while_every_queue_slot_is_busy_and_counts_it_as_pending()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new SlackRoutingOptions { MaxConcurrentHandlers = 1 });
        var queue = new SlackHandlerQueue(options);
        using var worker = new SlackHandlerQueueWorker(queue, options, NullLogger<SlackHandlerQueueWorker>.Instance);
        await worker.StartAsync(ct);
        var releaseQueued = new TaskCompletionSource();
        var immediateStarted = new TaskCompletionSource();
        var releaseImmediate = new TaskCompletionSource();

        Assert.True(queue.TryEnqueue(_ => releaseQueued.Task));
        Assert.True(worker.TryRunNow(async _ =>
        {
            immediateStarted.SetResult();
            await releaseImmediate.Task;
        }));

        await immediateStarted.Task.WaitAsync(ct);
        Assert.Equal(2, queue.Pending);
        releaseQueued.SetResult();
        var idle = queue.WhenIdleAsync(ct);
        Assert.False(idle.IsCompleted);
        releaseImmediate.SetResult();
        await idle;
        await worker.StopAsync(ct);
    }

    [Fact]
    public async Task Shutdown_waits_for_a_running_immediate_run_and_then_refuses_new_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new SlackRoutingOptions());
        var queue = new SlackHandlerQueue(options);
        using var worker = new SlackHandlerQueueWorker(queue, options, NullLogger<SlackHandlerQueueWorker>.Instance);
        await worker.StartAsync(ct);
        var release = new TaskCompletionSource();
        Assert.True(worker.TryRunNow(_ => release.Task));

        var stopping = worker.StopAsync(ct);

        Assert.False(stopping.IsCompleted);
        Assert.False(worker.TryRunNow(_ => Task.CompletedTask));
        Assert.False(queue.TryEnqueue(_ => Task.CompletedTask));
        release.SetResult();
        await stopping;
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task Shutdown_timeout_cancels_an_immediate_run_still_running()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new SlackRoutingOptions());
        var queue = new SlackHandlerQueue(options);
        using var worker = new SlackHandlerQueueWorker(queue, options, NullLogger<SlackHandlerQueueWorker>.Instance);
        await worker.StartAsync(ct);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(worker.TryRunNow(async token =>
        {
            await using var registration = token.Register(cancelled.SetResult);
            await cancelled.Task;
        }));
        using var shutdownTimeout = new CancellationTokenSource();

        var stopping = worker.StopAsync(shutdownTimeout.Token);
        await shutdownTimeout.CancelAsync();
        await stopping;

        await cancelled.Task.WaitAsync(ct);
        await queue.WhenIdleAsync(ct);
    }
}
