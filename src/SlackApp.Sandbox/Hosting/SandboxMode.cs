using Microsoft.Extensions.Configuration;

namespace SlackApp.Sandbox.Hosting;

/// <summary>Decides whether the app runs against the sandbox: only with no Slack credentials at all, and not switched off.</summary>
public static class SandboxMode
{
    /// <summary>The keys whose presence means a real Slack app is configured.</summary>
    public static readonly IReadOnlyList<string> CredentialKeys = ["Slack:SigningSecret", "Slack:BotToken", "Slack:ClientId", "Slack:AppToken"];

    public static bool IsWanted(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (bool.TryParse(configuration[$"{SandboxOptions.SectionName}:Enabled"], out var enabled) && !enabled)
        {
            return false;
        }

        return CredentialKeys.All(key => string.IsNullOrWhiteSpace(configuration[key]));
    }
}
