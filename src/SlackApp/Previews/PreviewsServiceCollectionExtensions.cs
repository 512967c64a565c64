using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.Previews;

public static class PreviewsServiceCollectionExtensions
{
    /// <summary>The workflow preview's services. Needs <c>AddData</c>, <c>AddInstallations</c> and <c>AddWorkflows</c>.</summary>
    public static IServiceCollection AddPreviews(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RecentSignalRepository>();
        return services;
    }
}
