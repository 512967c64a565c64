using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.OAuth;

/// <summary>
/// The platform side of Slack's OAuth v2 install: the product maps <c>GET /slack/install</c> to <see cref="BeginInstall"/>
/// and <c>GET /slack/oauth_redirect</c> to <see cref="CompleteAsync"/> (with <see cref="SlackOAuthCallback.FromRequest"/>,
/// clearing the <see cref="SlackOAuthStateCookie"/> whatever the outcome), and writes the pages itself.
/// </summary>
public sealed class SlackOAuthFlow(
    SlackInstallUrlBuilder installUrls,
    OAuthStateIssuer states,
    ISlackOAuthClient oauth,
    ISlackApiClientFactory apis,
    IInstallationStore installations,
    IOptionsMonitor<SlackOAuthOptions> options,
    TimeProvider time,
    ILogger<SlackOAuthFlow> logger)
{
    /// <summary>
    /// The authorize URL to send the browser to, carrying a freshly issued state; the same state goes into the
    /// <see cref="SlackOAuthStateCookie"/> on <paramref name="response"/>, so only this browser can complete the install.
    /// </summary>
    public string BeginInstall(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var state = states.Issue();
        SlackOAuthStateCookie.Set(response, state, options.CurrentValue.StateLifetime);
        return installUrls.Build(state);
    }

    /// <summary>Checks the redirect, exchanges the code, and saves the installation through <see cref="IInstallationStore"/>.</summary>
    public async Task<SlackOAuthResult> CompleteAsync(SlackOAuthCallback callback, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(callback.Error))
        {
            return callback.Error == "access_denied"
                ? SlackOAuthResult.Failed(SlackOAuthFailureKind.AccessDenied, "The installation was cancelled on Slack's authorization page.", callback.Error)
                : SlackOAuthResult.Failed(SlackOAuthFailureKind.SlackRefused, $"Slack did not authorize the installation ({callback.Error}).", callback.Error);
        }

        // Before the state is used up, as Bolt: a link opened in another browser must not burn the installer's state.
        if (!SlackOAuthStateCookie.Matches(callback.State, callback.BrowserState))
        {
            return SlackOAuthResult.Failed(SlackOAuthFailureKind.StateFromAnotherBrowser, "This installation was started in another browser, or its cookie expired. Start the installation again in the same browser.");
        }

        switch (await states.ConsumeAsync(callback.State, cancellationToken))
        {
            case OAuthStateCheck.Invalid:
                return SlackOAuthResult.Failed(SlackOAuthFailureKind.InvalidState, "This installation link is not valid. Start the installation again.");
            case OAuthStateCheck.Expired:
                return SlackOAuthResult.Failed(SlackOAuthFailureKind.ExpiredState, "This installation link has expired. Start the installation again.");
            case OAuthStateCheck.AlreadyUsed:
                return SlackOAuthResult.Failed(SlackOAuthFailureKind.ReusedState, "This installation link was already used. Start the installation again.");
        }

        if (string.IsNullOrEmpty(callback.Code))
        {
            return SlackOAuthResult.Failed(SlackOAuthFailureKind.MissingCode, "Slack did not return an authorization code. Start the installation again.");
        }

        Installation installation;
        try
        {
            var access = await oauth.ExchangeCodeAsync(callback.Code, options.CurrentValue.RedirectUri, cancellationToken);
            if (access.AccessToken is not { Length: > 0 } botToken || access.BotUserId is not { Length: > 0 } botUserId)
            {
                return SlackOAuthResult.Failed(SlackOAuthFailureKind.ExchangeFailed, "Slack granted no bot token; check the app's bot scopes.");
            }

            // oauth.v2.access does not say the bot id; auth.test with the new token does (Bolt does the same).
            var identity = await apis.ForToken(botToken).AuthTestAsync(cancellationToken);
            installation = ToInstallation(access, botToken, botUserId, identity.BotId);
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Slack install failed at {Method}: {Error}", ex.Method, ex.Error);
            return SlackOAuthResult.Failed(SlackOAuthFailureKind.ExchangeFailed, $"Slack refused the installation ({ex.Error}). Start the installation again.", ex.Error);
        }

        await installations.SaveAsync(installation, cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Slack app installed in team {TeamId} (enterprise {EnterpriseId})", installation.TeamId, installation.EnterpriseId);
        }

        return SlackOAuthResult.Success(installation);
    }

    private Installation ToInstallation(OAuthV2AccessResult access, string botToken, string botUserId, string? botId)
    {
        var now = time.GetUtcNow();
        return new Installation
        {
            EnterpriseId = access.Enterprise?.Id,
            EnterpriseName = access.Enterprise?.Name,
            TeamId = access.Team?.Id,
            TeamName = access.Team?.Name,
            IsEnterpriseInstall = access.IsEnterpriseInstall,
            AppId = access.AppId,
            BotUserId = botUserId,
            BotId = botId,
            BotToken = botToken,
            BotScopes = SlackScopes.Parse(access.Scope),
            BotRefreshToken = access.RefreshToken,
            BotTokenExpiresAt = access.ExpiresIn is { } seconds ? now.AddSeconds(seconds) : null,
            InstallerUserId = access.AuthedUser?.Id,
            InstalledAt = now,
        };
    }
}
