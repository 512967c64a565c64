using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.Welcome;

public static class WelcomeServiceCollectionExtensions
{
    /// <summary>The Messages tab's welcome. Needs <c>AddData</c>.</summary>
    public static IServiceCollection AddWelcome(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WelcomeRepository>();
        return services;
    }
}
