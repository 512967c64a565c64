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
}
