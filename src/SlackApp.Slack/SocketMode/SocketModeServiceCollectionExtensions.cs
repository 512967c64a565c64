using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SlackApp.Slack.SocketMode;

/// <summary>Registers Socket Mode; it connects only when <c>Slack:AppToken</c> is set.</summary>
internal static class SocketModeServiceCollectionExtensions
{
    /// <summary>Adds the Socket Mode client as a hosted service, its status, and the production WebSocket connector.</summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services)
    {
        services.AddOptions<SocketModeOptions>().BindConfiguration(SocketModeOptions.SectionName);
        services.TryAddSingleton<ISocketModeConnector, ClientWebSocketConnector>();
        services.TryAddSingleton(SocketModeJitter.Shared);
        services.TryAddSingleton<SocketModeUrlOpener>();
        services.TryAddSingleton<SocketModeEnvelopeHandler>();
        services.TryAddSingleton<SocketModeStatus>();
        services.TryAddSingleton<ISocketModeStatus>(provider => provider.GetRequiredService<SocketModeStatus>());
        services.TryAddSingleton<SocketModeClient>();
        services.AddHostedService(provider => provider.GetRequiredService<SocketModeClient>());
        return services;
    }
}
