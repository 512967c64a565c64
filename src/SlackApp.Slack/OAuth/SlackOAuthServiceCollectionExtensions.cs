using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.OAuth;

/// <summary>Registers the OAuth v2 install flow; the product registers its <see cref="IInstallationStore"/>.</summary>
public static class SlackOAuthServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SlackOAuthFlow"/>, <see cref="SlackTokenRotator"/> and what they need; an in-memory <see cref="IOAuthStateStore"/> unless one is registered.</summary>
    public static IServiceCollection AddSlackOAuth(this IServiceCollection services)
    {
        services.AddSlackWebApi();
        if (!services.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<SlackOAuthOptions>)))
        {
            services.AddOptions<SlackOAuthOptions>().BindConfiguration(SlackOAuthOptions.SectionName);
        }

        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOAuthStateStore, InMemoryOAuthStateStore>();
        services.TryAddSingleton<OAuthStateIssuer>();
        services.TryAddSingleton<SlackInstallUrlBuilder>();
        services.TryAddSingleton<SlackTokenRotator>();
        // Transient: the product's IInstallationStore may be scoped (a database connection).
        services.TryAddTransient<SlackOAuthFlow>();
        return services;
    }
}
