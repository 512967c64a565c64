using Microsoft.Extensions.Options;

namespace SlackApp.Slack.Hosting;

/// <summary>Checks the <c>Slack</c> settings at start-up and names the bad key in its message.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var apiBase)
            || (apiBase.Scheme != Uri.UriSchemeHttps && apiBase.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api/ (got '{options.ApiBaseUrl}').");
        }

        if (!string.IsNullOrEmpty(options.BotToken) && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            // Never echo the value: it is a secret even when malformed.
            failures.Add("Slack:BotToken must be a bot token starting with 'xoxb-'.");
        }

        if (!string.IsNullOrEmpty(options.AppToken))
        {
            if (!options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            {
                failures.Add("Slack:AppToken must be an app-level token starting with 'xapp-' (Basic Information → App-Level Tokens, scope connections:write).");
            }

            // Socket Mode replaces the request URL (and so the signing secret), not the way the app gets bot tokens.
            if (string.IsNullOrEmpty(options.BotToken) && string.IsNullOrEmpty(options.ClientId))
            {
                failures.Add("Slack:AppToken (Socket Mode) still needs Slack:BotToken (one workspace) or Slack:ClientId and Slack:ClientSecret (OAuth installs).");
            }
        }

        if (string.IsNullOrEmpty(options.ClientId) != string.IsNullOrEmpty(options.ClientSecret))
        {
            failures.Add("Slack:ClientId and Slack:ClientSecret must be set together (both are needed for the OAuth install flow).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
