using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackApp.Workflows;

namespace SlackApp.Signals;

public static class SignalsServiceCollectionExtensions
{
    /// <summary>
    /// Signal intake, the matching worker, and the purge of signals past their retention. Needs <c>AddData</c> and <c>AddInstallations</c>. The
    /// default <see cref="ISignalMatchHandler"/> only logs; registering another one (before or after) replaces it.
    /// </summary>
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SignalMatchingOptions>()
            .BindConfiguration(SignalMatchingOptions.SectionName)
            .Validate(
                o => o.BatchSize > 0 && o.PollInterval > TimeSpan.Zero && o.LeaseDuration > TimeSpan.Zero && o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay,
                "Signals:Matching needs a positive BatchSize, PollInterval, LeaseDuration and RetryDelay, and MaxRetryDelay of at least RetryDelay.")
            .ValidateOnStart();
        services.AddOptions<SignalRetentionOptions>()
            .BindConfiguration(SignalRetentionOptions.SectionName)
            .Validate(
                o => o.RetentionDays >= SignalRetentionOptions.MinimumRetentionDays,
                $"Signals:RetentionDays must be at least {SignalRetentionOptions.MinimumRetentionDays}, so a workflow preview's {SignalRetentionOptions.PreviewWindowDays} days are kept.")
            .Validate(
                o => o.PurgeInterval > TimeSpan.Zero && o.PurgeBatchSize is > 0 and <= SignalRetentionOptions.MaxBatchSize,
                $"Signals needs a positive PurgeInterval and a PurgeBatchSize of 1 to {SignalRetentionOptions.MaxBatchSize}.")
            .ValidateOnStart();
        services.TryAddSingleton<WorkflowRepository>();
        services.AddMetrics();
        services.TryAddSingleton<SignalTelemetry>();
        services.AddSingleton<SignalSignatureVerifier>();
        services.AddSingleton<SignalRepository>();
        services.AddSingleton<SignalMatchingTrigger>();
        services.AddSingleton<SignalCommitQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SignalCommitQueue>());
        services.AddSingleton<SignalIntake>();
        services.TryAddSingleton<ISignalMatchHandler, LoggingSignalMatchHandler>();
        services.AddSingleton<SignalMatchingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SignalMatchingWorker>());
        services.AddSingleton<SignalPurge>();
        services.AddSingleton<SignalRetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SignalRetentionWorker>());
        return services;
    }
}
