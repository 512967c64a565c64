namespace SlackApp.Slack.WebApi;

/// <summary>Creates Web API clients bound to a token.</summary>
public interface ISlackApiClientFactory
{
    /// <summary>A client that calls the Web API with <paramref name="token"/> (a bot token, <c>xoxb-…</c>).</summary>
    ISlackApiClient ForToken(string token);
}
