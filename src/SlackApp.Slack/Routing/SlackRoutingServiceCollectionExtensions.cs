using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlackApp.Slack.Signing;
using SlackApp.Slack.SocketMode;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Routing;

/// <summary>Registers the Slack ingress: signature check, parsing, listeners, Socket Mode, the handler queue, event de-duplication, and the Web API clients.</summary>
public static class SlackRoutingServiceCollectionExtensions
{
    /// <summary>Adds Slack routing with the listeners and middleware that <paramref name="configure"/> registers.</summary>
    public static IServiceCollection AddSlackRouting(this IServiceCollection services, Action<SlackAppBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new SlackAppBuilder();
        configure(builder);

        // The Web API layer binds the Slack section, and brings the clients listeners call and respond through.
        services.AddSlackWebApi();
        services.AddOptions<SlackRoutingOptions>().BindConfiguration(SlackRoutingOptions.SectionName);
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<IEventDeduplicator, InMemoryEventDeduplicator>();

        services.AddSingleton(builder.Build());
        services.TryAddSingleton<SlackDispatcher>();
        services.TryAddSingleton<SlackHandlerQueue>();
        services.TryAddSingleton<ISlackBackgroundWork>(provider => provider.GetRequiredService<SlackHandlerQueue>());
        services.TryAddSingleton<SlackRequestPipeline>();
        services.TryAddSingleton<SlackIngressEndpoint>();
        services.TryAddSingleton<SlackHandlerQueueWorker>();

        // One instance: the endpoint starts interactive runs on the same worker the host stops gracefully.
        services.AddHostedService(provider => provider.GetRequiredService<SlackHandlerQueueWorker>());

        // After the worker: stopped before it, so no envelope arrives once the worker stops taking work.
        services.AddSlackSocketMode();
        return services;
    }
}
