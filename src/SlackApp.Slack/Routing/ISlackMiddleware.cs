namespace SlackApp.Slack.Routing;

/// <summary>A step run before the listener, in registration order; call <c>next</c> to continue, or not, to stop.</summary>
public interface ISlackMiddleware
{
    Task InvokeAsync(SlackContext context, Func<Task> next);
}
