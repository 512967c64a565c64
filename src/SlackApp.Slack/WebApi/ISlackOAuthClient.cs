namespace SlackApp.Slack.WebApi;

/// <summary><c>oauth.v2.access</c>, authenticated with the app's client id and secret instead of a token.</summary>
public interface ISlackOAuthClient
{
    /// <summary>Exchanges the code of an OAuth redirect for tokens. Never retried: a code works once.</summary>
    Task<OAuthV2AccessResult> ExchangeCodeAsync(string code, string? redirectUri, CancellationToken cancellationToken = default);

    /// <summary>With token rotation on: trades a refresh token for a fresh access token (and a new refresh token).</summary>
    Task<OAuthV2AccessResult> RefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default);
}
