namespace SlackApp.Slack.WebApi;

/// <summary>Sends messages to the <c>response_url</c> of a slash command or interaction (valid 30 minutes, 5 uses).</summary>
public interface ISlackResponseUrlClient
{
    /// <summary>Posts <paramref name="message"/>; throws <see cref="SlackApiException"/> (method <c>response_url</c>) when Slack refuses it. Never retried.</summary>
    Task SendAsync(string responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default);
}
