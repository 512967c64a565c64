using SlackApp.Slack.OAuth;
using SlackApp.Slack.WebApi;

namespace SlackApp.Tests.Fakes;

/// <summary>Slack's OAuth endpoint for token rotation: every refresh hands out the same new token, and is counted.</summary>
internal sealed class RefreshingOAuthClient : ISlackOAuthClient
{
    public int Refreshes { get; private set; }

    public Task<OAuthV2AccessResult> ExchangeCodeAsync(string code, string? redirectUri, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Not part of a refresh.");

    public Task<OAuthV2AccessResult> RefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        Refreshes++;
        return Task.FromResult(new OAuthV2AccessResult { AccessToken = "xoxe.xoxb-new", RefreshToken = "xoxe-1-new", ExpiresIn = 43200, TokenType = "bot" });
    }
}
