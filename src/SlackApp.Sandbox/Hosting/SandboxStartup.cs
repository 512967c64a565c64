using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SlackApp.Sandbox.Hosting;

/// <summary>
/// Once the server listens: learns the app's address, points the Web API client at the sandbox, and says loudly
/// that the sandbox runs and where to open it.
/// </summary>
internal sealed class SandboxStartup(
    IServer server,
    IOptions<SandboxOptions> options,
    SandboxConfigurationSource configuration,
    SandboxAddress address,
    ILogger<SandboxStartup> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var baseUrl = SandboxAddress.Resolve(options.Value.BaseUrl, server);
        configuration.Provider.UseBaseUrl(baseUrl);
        address.Set(baseUrl);
        logger.LogWarning(
            """
            ================================================================
             SANDBOX MODE: no Slack credentials are configured, so the app
             talks to a local Slack sandbox instead of Slack.
             Open {SandboxUrl}
             (Configure Slack:SigningSecret and Slack:BotToken or Slack:ClientId to use real Slack.)
            ================================================================
            """,
            baseUrl + "/sandbox");
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
