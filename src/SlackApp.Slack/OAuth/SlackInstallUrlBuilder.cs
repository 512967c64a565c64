using System.Text;
using Microsoft.Extensions.Options;
using SlackApp.Slack.Hosting;

namespace SlackApp.Slack.OAuth;

/// <summary>Builds the URL of Slack's "Add to Slack" authorize page.</summary>
public sealed class SlackInstallUrlBuilder(IOptionsMonitor<SlackOptions> slackOptions, IOptionsMonitor<SlackOAuthOptions> oauthOptions)
{
    /// <summary><c>{AuthorizeUrl}?client_id=…&amp;scope=…&amp;user_scope=…&amp;redirect_uri=…&amp;state=…</c>.</summary>
    public string Build(string state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        var clientId = slackOptions.CurrentValue.ClientId;
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new InvalidOperationException($"{SlackOptions.SectionName}:{nameof(SlackOptions.ClientId)} must be set to build the install URL.");
        }

        var oauth = oauthOptions.CurrentValue;
        var url = new StringBuilder(oauth.AuthorizeUrl);
        url.Append(oauth.AuthorizeUrl.Contains('?') ? '&' : '?');
        url.Append("client_id=").Append(Uri.EscapeDataString(clientId));
        url.Append("&scope=").Append(Uri.EscapeDataString(string.Join(',', oauth.Scopes)));
        if (oauth.UserScopes.Count > 0)
        {
            url.Append("&user_scope=").Append(Uri.EscapeDataString(string.Join(',', oauth.UserScopes)));
        }

        if (!string.IsNullOrEmpty(oauth.RedirectUri))
        {
            url.Append("&redirect_uri=").Append(Uri.EscapeDataString(oauth.RedirectUri));
        }

        url.Append("&state=").Append(Uri.EscapeDataString(state));
        return url.ToString();
    }
}
