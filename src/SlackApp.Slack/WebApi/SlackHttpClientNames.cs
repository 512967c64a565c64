namespace SlackApp.Slack.WebApi;

/// <summary>Names of the HttpClients the platform layer registers; tests replace their primary handler by name.</summary>
public static class SlackHttpClientNames
{
    /// <summary>Calls to <c>SlackOptions.ApiBaseUrl</c>, with the per-method retry strategy.</summary>
    public const string WebApi = "SlackApp.Slack.WebApi";

    /// <summary>Posts to interaction <c>response_url</c>s; never retried.</summary>
    public const string ResponseUrl = "SlackApp.Slack.ResponseUrl";
}
