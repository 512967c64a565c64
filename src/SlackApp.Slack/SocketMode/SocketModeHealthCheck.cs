using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SlackApp.Slack.SocketMode;

/// <summary>Readiness: unhealthy while Socket Mode is on and no connection to Slack is open; healthy when it is off.</summary>
public sealed class SocketModeHealthCheck(ISocketModeStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!status.IsEnabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Socket Mode is off: Slack posts to /slack/events."));
        }

        return Task.FromResult(status switch
        {
            { StoppedReason: { } reason } => HealthCheckResult.Unhealthy($"Socket Mode stopped: {reason}."),
            { IsOpen: true } => HealthCheckResult.Healthy($"Socket Mode: {status.OpenConnections} connection(s) open."),
            _ => HealthCheckResult.Unhealthy("Socket Mode: no connection to Slack is open (connecting)."),
        });
    }
}
