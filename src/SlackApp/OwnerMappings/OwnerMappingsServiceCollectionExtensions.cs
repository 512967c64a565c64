using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.OwnerMappings;

public static class OwnerMappingsServiceCollectionExtensions
{
    /// <summary>Owner mapping: the repository and the Home section. Notifications fills <see cref="IOwnerMappingItems"/>.</summary>
    public static IServiceCollection AddOwnerMappings(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OwnerMappingRepository>();
        services.TryAddSingleton<OwnerMappingsHomeSection>();
        return services;
    }
}
