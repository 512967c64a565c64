using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.Hosting;
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

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _provider;

    public ISlackApiClient Client => Services.GetRequiredService<ISlackApiClientFactory>().ForToken(BotToken);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public void Dispose() => _provider.Dispose();
}

/// <summary>Keeps every log line written, to prove secrets never reach them.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}
