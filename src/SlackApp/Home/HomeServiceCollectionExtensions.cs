using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackApp.Workflows;

namespace SlackApp.Home;

public static class HomeServiceCollectionExtensions
{
    /// <summary>
    /// The App Home tab's services and the <c>App</c> options section (<c>App:PublicBaseUrl</c>). Needs
    /// <c>AddWorkflows</c> and <c>AddNotifications</c>; fills the workflows' <see cref="IWorkflowChangeObserver"/>.
    /// </summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddOptions<HomeOptions>().BindConfiguration(HomeOptions.SectionName)
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "https" or "http"), "App:PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.TryAddScoped<HomeTabPublisher>();
        services.TryAddScoped<IWorkflowChangeObserver, HomeTabRefresh>();
        services.TryAddSingleton<HomeNotificationsSection>();
        services.TryAddSingleton<IHomeNotificationsSection>(sp => sp.GetRequiredService<HomeNotificationsSection>());
        return services;
    }
}
