namespace SlackApp.Slack.Routing;

/// <summary>
/// A check declared on listeners at registration (Bolt's listener middleware): call <c>next</c> to let the listener
/// run, or answer the request yourself (ack, tell the person why) and return without calling it.
/// </summary>
public interface ISlackGuard
{
    Task InvokeAsync(SlackRequest request, Func<Task> next, CancellationToken cancellationToken);
}
