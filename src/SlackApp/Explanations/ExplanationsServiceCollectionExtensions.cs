using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackApp.Notifications;

namespace SlackApp.Explanations;

public static class ExplanationsServiceCollectionExtensions
{
    /// <summary>
    /// <c>/usergems why</c>'s services, and the per-workflow activity the Home tab shows
    /// (<see cref="NotificationActivityRepository"/>). Needs <c>AddData</c> and <c>AddWorkflows</c>.
    /// </summary>
    public static IServiceCollection AddExplanations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SignalExplanationRepository>();
        services.TryAddSingleton<SignalExplanations>();
        services.TryAddSingleton<NotificationActivityRepository>();
        return services;
    }
}
