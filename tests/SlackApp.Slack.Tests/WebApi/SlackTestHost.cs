using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.Hosting;
using SlackApp.Slack.Tests.Routing;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.WebApi;

/// <summary>The real DI registration of the Web API layer, with Slack replaced by a <see cref="FakeSlackHandler"/>.</summary>
internal sealed class SlackTestHost : IDisposable
{
    public const string ApiBaseUrl = "https://slack.test/api/";
    public const string BotToken = "xoxb-1111-2222-SECRETbottoken";

    private readonly ServiceProvider _provider;

    public SlackTestHost(Action<IServiceCollection>? configure = null, int maxRetryAttempts = 2)
    {
        var services = new ServiceCollection();
        // A host always has configuration; AddSlackWebApi binds its sections from it.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Time);
        services.Configure<SlackOptions>(o =>
        {
            o.ApiBaseUrl = ApiBaseUrl;
            o.ClientId = "1111.2222";
            o.ClientSecret = "client-SECRET-value";
        });
        services.Configure<SlackWebApiOptions>(o =>
        {
            // No waiting between attempts: the tests count attempts, they do not time them.
            o.RetryBaseDelay = TimeSpan.Zero;
            o.MaxRetryAttempts = maxRetryAttempts;
        });
        services.AddSlackWebApi();
        services.AddHttpClient(SlackHttpClientNames.WebApi).ConfigurePrimaryHttpMessageHandler(() => Slack);
        services.AddHttpClient(SlackHttpClientNames.ResponseUrl).ConfigurePrimaryHttpMessageHandler(() => Slack);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public FakeSlackHandler Slack { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public RecordingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _provider;

    public ISlackApiClient Client => Services.GetRequiredService<ISlackApiClientFactory>().ForToken(BotToken);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}
