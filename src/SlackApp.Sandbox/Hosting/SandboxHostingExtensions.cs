using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SlackApp.Sandbox.Extensions;
using SlackApp.Sandbox.Interactions;
using SlackApp.Sandbox.Page;
using SlackApp.Sandbox.SocketMode;
using SlackApp.Sandbox.WebApi;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Hosting;

/// <summary>Wires the local Slack sandbox into a host when no Slack credentials are configured.</summary>
public static class SandboxHostingExtensions
{
    /// <summary>
    /// With no Slack credentials configured (and <c>Sandbox:Enabled</c> not false): generates a bot token and signing
    /// secret, points <c>Slack:ApiBaseUrl</c> at the sandbox once the server listens, lets the extensions chosen in
    /// <paramref name="configure"/> plug in what the app needs (see <see cref="ISandboxExtension"/>), and adds the
    /// sandbox's services. Returns whether the sandbox runs. Call it before anything reads the <c>Slack</c> settings.
    /// </summary>
    public static bool AddSlackSandbox(this IHostApplicationBuilder builder, Action<SandboxBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!SandboxMode.IsWanted(builder.Configuration))
        {
            builder.Services.AddHostedService<SlackModeAnnouncement>();
            return false;
        }

        var services = builder.Services;
        var chosen = new SandboxBuilder();
        configure?.Invoke(chosen);
        var extensions = new SandboxExtensionContext(builder.Configuration, services);
        foreach (var extension in chosen.Extensions)
        {
            extension.Configure(extensions);
        }

        var secrets = new SandboxSecrets();
        var source = new SandboxConfigurationSource(
            secrets,
            bool.TryParse(builder.Configuration[$"{SandboxOptions.SectionName}:{nameof(SandboxOptions.SocketMode)}"], out var socketMode) && socketMode,
            SandboxAddress.Expected(builder.Configuration[$"{SandboxOptions.SectionName}:BaseUrl"], builder.Configuration["urls"]),
            extensions.Settings,
            extensions.AddressSettings);
        builder.Configuration.Add(source);

        // What the extensions chose first, so the Sandbox settings may still override it.
        services.Configure<SandboxOptions>(extensions.ApplyTo);
        services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.SectionName)
            .Validate(o => o.IsValid, "Sandbox needs a positive TriggerLifetime and RequestTimeout.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(secrets);
        services.AddSingleton(source);
        services.AddSingleton<SandboxAddress>();
        services.AddSingleton(provider => new SandboxWorkspace(
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IOptions<SandboxOptions>>(), extensions.Channels));
        services.AddSingleton<SandboxWebApi>();
        services.AddSingleton<SandboxReplies>();
        services.AddSingleton<SandboxAppClient>();
        services.AddSingleton<SandboxSocketHub>();
        services.AddSingleton<SandboxPayloads>();
        services.AddSingleton<SandboxComposer>();
        services.AddSingleton<SandboxInteractions>();
        services.AddSingleton<SandboxModals>();
        services.AddSingleton<SandboxPanels>();
        services.AddSingleton<SandboxMarker>();
        services.AddHttpClient(SandboxAddress.HttpClientName, (provider, http) => http.Timeout = provider.GetRequiredService<IOptions<SandboxOptions>>().Value.RequestTimeout);
        services.AddHostedService<SandboxStartup>();
        return true;
    }

    /// <summary>
    /// In sandbox mode, starts <typeparamref name="TService"/> (already registered as a hosted service) only once
    /// the sandbox answers, instead of before the server listens. Does nothing outside sandbox mode.
    /// </summary>
    public static IServiceCollection StartWhenSandboxIsReachable<TService>(this IServiceCollection services)
        where TService : class, IHostedService
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(SandboxMarker)))
        {
            return services;
        }

        var registered = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TService)).ToList();
        if (registered.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(TService).Name} is not registered as a hosted service; register it before deferring it.");
        }

        foreach (var descriptor in registered)
        {
            services.Remove(descriptor);
        }

        services.AddHostedService<SandboxDeferredStart<TService>>();
        return services;
    }

    /// <summary>Marks that the sandbox's services are registered (sandbox mode).</summary>
    internal sealed class SandboxMarker;
}
