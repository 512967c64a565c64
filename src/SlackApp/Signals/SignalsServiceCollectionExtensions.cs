using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackApp.Workflows;

namespace SlackApp.Signals;

public static class SignalsServiceCollectionExtensions
{
    /// <summary>
    /// Signal intake and the matching worker. Needs <c>AddData</c> and <c>AddInstallations</c>. The
    /// default <see cref="ISignalMatchHandler"/> only logs; registering another one (before or after) replaces it.
    /// </summary>
    public static IServiceCollection AddSignals(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SignalMatchingOptions>().BindConfiguration(SignalMatchingOptions.SectionName);
        services.TryAddSingleton<WorkflowRepository>();
        services.AddSingleton<SignalSignatureVerifier>();
        services.AddSingleton<SignalRepository>();
        services.AddSingleton<SignalMatchingTrigger>();
        services.AddSingleton<SignalIntake>();
        services.TryAddSingleton<ISignalMatchHandler, LoggingSignalMatchHandler>();
        services.AddSingleton<SignalMatchingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<SignalMatchingWorker>());
        return services;
    }
}
