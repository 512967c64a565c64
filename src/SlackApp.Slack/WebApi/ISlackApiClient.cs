namespace SlackApp.Slack.WebApi;

/// <summary>Slack's Web API, bound to one workspace's token.</summary>
public interface ISlackApiClient
{
}
