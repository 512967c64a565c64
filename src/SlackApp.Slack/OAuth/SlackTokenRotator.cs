using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.OAuth;

/// <summary>With token rotation on, trades an installation's expiring bot token for a fresh one; the product decides when, and saves the result.</summary>
public sealed class SlackTokenRotator(ISlackOAuthClient oauth, TimeProvider time)
{
    /// <summary>True when the bot token expires within <paramref name="window"/> and can be refreshed.</summary>
    public bool NeedsRefresh(Installation installation, TimeSpan window)
        => installation is { BotTokenExpiresAt: { } expiresAt, BotRefreshToken.Length: > 0 }
           && expiresAt - time.GetUtcNow() <= window;

    /// <summary>
    /// The installation with a refreshed bot token when it expires within <paramref name="window"/>; otherwise the same instance.
    /// Throws <see cref="SlackApiException"/> when Slack refuses the refresh (e.g. <c>invalid_refresh_token</c>).
    /// </summary>
    public async Task<Installation> RefreshIfExpiringAsync(Installation installation, TimeSpan window, CancellationToken cancellationToken)
    {
        if (!NeedsRefresh(installation, window))
        {
            return installation;
        }

        var refreshed = await oauth.RefreshTokenAsync(installation.BotRefreshToken!, cancellationToken);
        if (string.IsNullOrEmpty(refreshed.AccessToken))
        {
            throw new SlackApiException(SlackApiMethods.OAuthV2Access, SlackErrorCodes.InvalidResponse, messages: ["The refresh returned no access token."]);
        }

        var scopes = SlackScopes.Parse(refreshed.Scope);
        return installation with
        {
            BotToken = refreshed.AccessToken,
            BotRefreshToken = string.IsNullOrEmpty(refreshed.RefreshToken) ? installation.BotRefreshToken : refreshed.RefreshToken,
            BotTokenExpiresAt = refreshed.ExpiresIn is { } seconds ? time.GetUtcNow().AddSeconds(seconds) : null,
            BotScopes = scopes.Count > 0 ? scopes : installation.BotScopes,
        };
    }
}
