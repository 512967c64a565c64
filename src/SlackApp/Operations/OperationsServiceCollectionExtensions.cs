using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SlackApp.Notifications;
using SlackApp.Signals;
using SlackApp.Slack.SocketMode;
using SlackApp.Slack.Telemetry;

namespace SlackApp.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Environment variable the OpenTelemetry SDK reads; when set, metrics and traces are exported there over OTLP.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly string[] Sources = [SlackTelemetry.Name, SignalTelemetry.Name, DeliveryTelemetry.Name];

    /// <summary>
    /// Readiness checks (database, migrations, background workers) and, when asked for, OpenTelemetry: metrics to
    /// Prometheus (<c>/metrics</c>), the console and/or OTLP; traces to the console and/or OTLP. With none of them
    /// configured no SDK is added at all: the instruments stay unobserved and cost next to nothing.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadinessChecks.Tag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadinessChecks.Tag])
            .AddCheck<WorkersHealthCheck>("workers", tags: [ReadinessChecks.Tag])
            // Healthy when Socket Mode is off; with it on, a connection to Slack must be open.
            .AddCheck<SocketModeHealthCheck>("slack_socket_mode", tags: [ReadinessChecks.Tag]);
        // One instance, so the journal is read only until the migrations are found applied.
        services.TryAddSingleton<MigrationsHealthCheck>();

        var telemetry = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        var metrics = telemetry.Console || telemetry.Prometheus.Enabled || otlp;
        var traces = telemetry.Console || otlp;
        if (!metrics && !traces)
        {
            return services;
        }

        var openTelemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("SlackApp"));
        if (metrics)
        {
            openTelemetry.WithMetrics(builder =>
            {
                builder.AddMeter(Sources).AddAspNetCoreInstrumentation();
                if (telemetry.Console)
                {
                    builder.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 10_000);
                }

                if (telemetry.Prometheus.Enabled)
                {
                    builder.AddPrometheusExporter();
                }

                if (otlp)
                {
                    builder.AddOtlpExporter();
                }
            });
        }

        if (traces)
        {
            // No HttpClient instrumentation: its spans would carry response_url addresses, which let anyone post
            // into a conversation. The Web API spans (SlackApp.Slack) name the method instead.
            openTelemetry.WithTracing(builder =>
            {
                builder.AddSource(Sources).AddAspNetCoreInstrumentation();
                if (telemetry.Console)
                {
                    builder.AddConsoleExporter();
                }

                if (otlp)
                {
                    builder.AddOtlpExporter();
                }
            });
        }

        return services;
    }
}
