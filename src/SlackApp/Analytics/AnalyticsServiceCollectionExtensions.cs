using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.Analytics;

/// <summary>Registers the Home tab analytics' services.</summary>
public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>The delivery analytics repository. Needs <c>AddData</c>.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeliveryAnalyticsRepository>();
        return services;
    }
}
