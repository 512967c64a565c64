using SlackApp.Slack.Payloads;

namespace SlackApp.Slack.Routing;

/// <summary>A registered listener: what it matches, and how to invoke it for a matching payload.</summary>
internal sealed record SlackListener(
    string Description,
    Func<SlackPayload, bool> Matches,
    Func<SlackPayload, SlackContext, SlackAcknowledgement, CancellationToken, Task> InvokeAsync);

/// <summary>The listeners, middleware and error handler registered through <see cref="SlackAppBuilder"/>.</summary>
internal sealed record SlackListenerRegistry(
    IReadOnlyList<SlackListener> Listeners,
    IReadOnlyList<Func<SlackContext, Func<Task>, Task>> Middleware,
    Func<Exception, SlackContext, CancellationToken, Task>? ErrorHandler)
{
    /// <summary>The first listener registered for the payload, as in Bolt.</summary>
    public SlackListener? Find(SlackPayload payload) => Listeners.FirstOrDefault(listener => listener.Matches(payload));
}
