namespace SlackApp.Slack.Routing;

/// <summary>Posts messages to the <c>response_url</c> Slack gives with slash commands and interactions.</summary>
public interface IResponseUrlClient
{
    Task RespondAsync(string responseUrl, ResponseMessage message, CancellationToken cancellationToken);
}
