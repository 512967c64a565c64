namespace SlackApp.Slack.Hosting;

/// <summary>The app's Slack credentials and endpoints, bound from the <c>Slack</c> configuration section.</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Verifies that requests come from Slack. Without it every Slack request is refused.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>OAuth v2 client id, for installing into many workspaces.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth v2 client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Single-workspace mode: a bot token (<c>xoxb-…</c>) used instead of the OAuth flow.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// Socket Mode: an app-level token (<c>xapp-…</c>) with <c>connections:write</c>. With it the app receives
    /// commands, interactions and events over a WebSocket it opens, instead of at a public request URL.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>Base URL of Slack's Web API; the sandbox and tests point it elsewhere.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";
}
