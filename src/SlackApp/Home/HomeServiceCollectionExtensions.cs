using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackApp.Workflows;

namespace SlackApp.Home;

public static class HomeServiceCollectionExtensions
{
    /// <summary>
    /// The App Home tab's services and the <c>App</c> options section (<c>App:PublicBaseUrl</c>). The default
    /// <see cref="IHomeNotificationsSection"/> draws nothing; the notifications feature's registration wins.
    /// Needs <c>AddWorkflows</c>.
    /// </summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddOptions<HomeOptions>().BindConfiguration(HomeOptions.SectionName)
            .Validate(o => o.PublicBaseUrl is null || (o.PublicBaseUrl.IsAbsoluteUri && o.PublicBaseUrl.Scheme is "https" or "http"), "App:PublicBaseUrl must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.TryAddSingleton<IHomeNotificationsSection, EmptyHomeNotificationsSection>();
        services.TryAddScoped<HomeTabPublisher>();
        services.TryAddScoped<SettingsSubmission>();
        return services;
    }
}
