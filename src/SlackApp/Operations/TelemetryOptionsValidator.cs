using Microsoft.Extensions.Options;

namespace SlackApp.Operations;

/// <summary>Refuses to start with <c>/metrics</c> on and no token to protect it.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    internal const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
        options.Prometheus.Enabled && (options.Prometheus.Token?.Trim().Length ?? 0) < MinimumTokenLength
            ? ValidateOptionsResult.Fail($"Telemetry:Prometheus:Token must be set (at least {MinimumTokenLength} characters) when Telemetry:Prometheus:Enabled is true: /metrics names workspaces and volumes, and the app listens where Slack can reach it.")
            : ValidateOptionsResult.Success;
}
