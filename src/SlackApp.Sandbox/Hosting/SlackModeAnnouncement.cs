using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SlackApp.Sandbox.Hosting;

/// <summary>
/// Says in the log that the sandbox is off and real Slack is used, and why; warns when no signing secret is
/// configured, since then every request from Slack is refused.
/// </summary>
internal sealed class SlackModeAnnouncement(IConfiguration configuration, ILogger<SlackModeAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var (level, message) = Describe(configuration);
        logger.Log(level, "{SlackMode}", message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What to log about Slack mode for <paramref name="configuration"/>, and how loudly.</summary>
    internal static (LogLevel Level, string Message) Describe(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Slack:AppToken"]))
        {
            return (LogLevel.Information, "SLACK MODE: Socket Mode (Slack:AppToken): Slack's requests arrive over the app's own WebSocket connection; the local sandbox is off and /sandbox does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(configuration["Slack:SigningSecret"]))
        {
            return (LogLevel.Information, "SLACK MODE: Slack credentials are configured; the local sandbox is off and /sandbox does not exist.");
        }

        if (SandboxMode.CredentialKeys.All(key => string.IsNullOrWhiteSpace(configuration[key])))
        {
            return (LogLevel.Warning, "SLACK MODE: the sandbox is disabled (Sandbox:Enabled=false) and no Slack credentials are configured: every Slack request will be refused (401) until Slack:SigningSecret is set. /sandbox does not exist.");
        }

        return (LogLevel.Warning, "SLACK MODE: Slack credentials are configured but Slack:SigningSecret is not: every Slack request will be refused (401) until it is set. The local sandbox is off and /sandbox does not exist.");
    }
}
