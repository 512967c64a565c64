using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.ApiKeys;

public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>The admin API keys' storage. Needs <c>AddData</c>.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyRepository>();
        return services;
    }
}
