using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Signing;

namespace SlackApp.Slack.Routing;

/// <summary>Registers the Slack ingress: signature check, parsing, listeners, the handler queue and event de-duplication.</summary>
public static class SlackRoutingServiceCollectionExtensions
{
    /// <summary>Adds Slack routing with the listeners and middleware that <paramref name="configure"/> registers.</summary>
    public static IServiceCollection AddSlackRouting(this IServiceCollection services, Action<SlackAppBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new SlackAppBuilder();
        configure(builder);

        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName);
        services.AddOptions<SlackRoutingOptions>().BindConfiguration(SlackRoutingOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<IEventDeduplicator, InMemoryEventDeduplicator>();
        services.AddHttpClient(HttpResponseUrlClient.HttpClientName);
        services.TryAddScoped<IResponseUrlClient, HttpResponseUrlClient>();

        services.AddSingleton(builder.Build());
        services.TryAddSingleton<SlackDispatcher>();
        services.TryAddSingleton<SlackHandlerQueue>();
        services.TryAddSingleton<ISlackBackgroundWork>(provider => provider.GetRequiredService<SlackHandlerQueue>());
        services.TryAddSingleton<SlackIngressEndpoint>();
        services.AddHostedService<SlackHandlerQueueWorker>();
        return services;
    }
}
