using Microsoft.Extensions.Logging;

namespace SlackApp.Slack.Routing;

/// <summary>
/// The one answer Slack gets to a request: set by the handler's ack, or by the framework when the handler
/// returns without acking, throws, or misses the deadline.
/// </summary>
internal sealed class SlackAcknowledgement
{
    private readonly TaskCompletionSource<SlackAckBody> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger;
    private int _acknowledged;

    public SlackAcknowledgement(ILogger logger) => _logger = logger;

    /// <summary>Completes with the body to send back to Slack.</summary>
    public Task<SlackAckBody> Response => _response.Task;

    /// <summary>True once the handler has acked.</summary>
    public bool IsAcknowledged => Volatile.Read(ref _acknowledged) == 1;

    /// <summary>True once Slack's answer is decided, by the handler or by the framework.</summary>
    public bool IsAnswered => _response.Task.IsCompleted;

    /// <summary>An acknowledgement whose answer (an empty 200) was sent before the handler ran, as for events.</summary>
    public static SlackAcknowledgement AlreadyAnswered(ILogger logger)
    {
        var acknowledgement = new SlackAcknowledgement(logger);
        acknowledgement._response.SetResult(SlackAckBody.Empty);
        return acknowledgement;
    }

    /// <summary>The handler's ack; a second ack is a programming error.</summary>
    public void Acknowledge(SlackAckBody body)
    {
        if (Interlocked.Exchange(ref _acknowledged, 1) == 1)
        {
            throw new InvalidOperationException("This Slack request was already acknowledged: ack exactly once.");
        }

        if (!_response.TrySetResult(body))
        {
            _logger.LogWarning("A Slack handler acknowledged after the deadline; Slack had already been answered with an empty 200.");
        }
    }

    /// <summary>The framework's answer, used only if nothing answered yet.</summary>
    public bool TryAnswer(SlackAckBody body) => _response.TrySetResult(body);
}
