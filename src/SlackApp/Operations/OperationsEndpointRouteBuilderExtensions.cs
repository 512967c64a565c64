using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SlackApp.Operations;

public static class OperationsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/readyz</c> (every check tagged <see cref="ReadinessChecks.Tag"/>: 200 or 503 with each check's status)
    /// and, when <c>Telemetry:Prometheus:Enabled</c>, <c>/metrics</c> behind its bearer token.
    /// </summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessChecks.Tag),
            ResponseWriter = ReadinessResponse.WriteAsync,
        });
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus.Enabled)
        {
            endpoints.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use(MetricsTokenGate.InvokeAsync), optionsName: null);
        }

        return endpoints;
    }
}
