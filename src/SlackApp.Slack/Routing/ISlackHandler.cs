namespace SlackApp.Slack.Routing;

/// <summary>A listener written as a class and resolved from the request's services (e.g. <c>ISlackHandler&lt;SlackCommandRequest&gt;</c>).</summary>
public interface ISlackHandler<in TRequest>
{
    Task HandleAsync(TRequest request, CancellationToken cancellationToken);
}
