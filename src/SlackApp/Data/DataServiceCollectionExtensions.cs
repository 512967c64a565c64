using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SlackApp.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database: options, connection factory, and migrations at start-up.</summary>
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.AddSingleton<DbConnectionFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<WorkerHeartbeats>();
        // Registered before every other hosted service so the schema exists when they start.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, DatabaseMigrationService>());
        return services;
    }
}
