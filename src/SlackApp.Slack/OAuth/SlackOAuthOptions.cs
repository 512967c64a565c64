namespace SlackApp.Slack.OAuth;

/// <summary>The install flow's settings, bound from <c>Slack:OAuth</c>; the client id and secret live in <c>SlackOptions</c>.</summary>
public sealed class SlackOAuthOptions
{
    public const string SectionName = "Slack:OAuth";

    /// <summary>Bot scopes requested at install, e.g. <c>chat:write</c>, <c>commands</c>.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>User scopes requested from the installing user; usually none.</summary>
    public IList<string> UserScopes { get; } = [];

    /// <summary>The app's <c>/slack/oauth_redirect</c> URL, as registered in the app's settings.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Slack's authorize page; the sandbox points it elsewhere.</summary>
    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>How long an issued <c>state</c> stays valid.</summary>
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
