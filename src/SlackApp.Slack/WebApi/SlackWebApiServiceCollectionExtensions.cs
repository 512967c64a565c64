using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Telemetry;

namespace SlackApp.Slack.WebApi;

/// <summary>Registers the Web API client, the OAuth client and the response_url client.</summary>
public static class SlackWebApiServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ISlackApiClientFactory"/>, <see cref="ISlackOAuthClient"/> and <see cref="ISlackResponseUrlClient"/>.</summary>
    public static IServiceCollection AddSlackWebApi(this IServiceCollection services)
    {
        // BindConfiguration registers a change-token source; its presence means the section is bound already.
        if (!services.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<SlackOptions>)))
        {
            services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName);
        }

        if (!services.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<SlackWebApiOptions>)))
        {
            services.AddOptions<SlackWebApiOptions>().BindConfiguration(SlackWebApiOptions.SectionName);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SlackTelemetry>();
        services.TryAddSingleton<ISlackApiClientFactory, SlackApiClientFactory>();
        services.TryAddSingleton<ISlackOAuthClient, SlackOAuthClient>();
        services.TryAddSingleton<ISlackResponseUrlClient, SlackResponseUrlClient>();

        if (services.Any(d => d.ServiceType == typeof(SlackWebApiMarker)))
        {
            return services;
        }

        services.AddSingleton<SlackWebApiMarker>();
        services.AddHttpClient(SlackHttpClientNames.WebApi)
            .ConfigureHttpClient((provider, http) => http.Timeout = Limits(provider).TotalTimeout)
            .AddResilienceHandler("slack-web-api", ConfigureRetries);
        // A response_url lets anyone holding it post into the conversation: the factory's request logging, which
        // writes URLs, is removed for this client.
        services.AddHttpClient(SlackHttpClientNames.ResponseUrl)
            .ConfigureHttpClient((provider, http) => http.Timeout = Limits(provider).AttemptTimeout)
            .RemoveAllLoggers();
        return services;
    }

    private static SlackWebApiOptions Limits(IServiceProvider provider) => provider.GetRequiredService<IOptions<SlackWebApiOptions>>().Value;

    private static void ConfigureRetries(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var limits = Limits(context.ServiceProvider);
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        if (limits.MaxRetryAttempts <= 0)
        {
            builder.AddTimeout(limits.AttemptTimeout);
            return;
        }

        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = limits.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = limits.RetryBaseDelay,
            MaxDelay = limits.MaxRetryDelay,
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, limits, time)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response
                    ? SlackApiTransport.RetryAfterOf(response, time)
                    : null),
        });
        builder.AddTimeout(limits.AttemptTimeout);
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, SlackWebApiOptions limits, TimeProvider time)
    {
        var request = context.GetRequestMessage();
        if (context.CancellationToken.IsCancellationRequested
            || request is null
            || !request.Options.TryGetValue(SlackRetryRules.MethodKey, out var method)
            || !SlackRetryRules.IsSafeToRetry(method))
        {
            return false;
        }

        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } rateLimited)
        {
            // Waiting longer than the bound would hold the caller; the exception carries Retry-After instead.
            return SlackApiTransport.RetryAfterOf(rateLimited, time) is { } wait && wait <= limits.MaxRetryDelay;
        }

        return HttpClientResiliencePredicates.IsTransient(outcome);
    }

    /// <summary>Marks that the HttpClients are registered, so a second call adds no second pipeline.</summary>
    private sealed class SlackWebApiMarker;
}
