using Microsoft.Extensions.Diagnostics.HealthChecks;
using SlackApp.Slack.SocketMode;

namespace SlackApp.Slack.Tests.SocketMode;

/// <summary>Readiness from the Socket Mode status.</summary>
public sealed class SocketModeHealthCheckTests
{
    [Theory]
    [InlineData(false, 0, null, HealthStatus.Healthy)]
    [InlineData(true, 1, null, HealthStatus.Healthy)]
    [InlineData(true, 0, null, HealthStatus.Unhealthy)]
    [InlineData(true, 1, "link_disabled", HealthStatus.Unhealthy)]
    public async Task Ready_when_socket_mode_is_off_or_a_connection_is_open_and_not_stopped(bool enabled, int open, string? stopped, HealthStatus expected)
    {
        var check = new SocketModeHealthCheck(new Status(enabled, open, stopped));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
    }

    private sealed record Status(bool IsEnabled, int OpenConnections, string? StoppedReason) : ISocketModeStatus
    {
        public bool IsOpen => OpenConnections > 0;

        public DateTimeOffset? LastHelloAt => null;
    }
}
