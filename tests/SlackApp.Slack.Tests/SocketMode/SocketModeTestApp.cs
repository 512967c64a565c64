using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlackApp.Slack.Routing;
using SlackApp.Slack.SocketMode;
using SlackApp.Slack.Tests.Routing;
using SlackApp.Slack.Tests.WebApi;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.SocketMode;

/// <summary>
/// An app with Slack routing and <c>Slack:AppToken</c> set, on a recording fake clock, whose Socket Mode connections
/// reach a <see cref="FakeSocketModeSlack"/> in memory and whose <c>apps.connections.open</c> reaches a fake Web API.
/// </summary>
internal sealed class SocketModeTestApp : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A0CA5-1-test";

    private readonly WebApplication _app;

    private SocketModeTestApp(WebApplication app, RecordingTimeProvider time, FakeSocketModeSlack slack, FakeSlackHandler webApi, RecordingLoggerProvider logs)
    {
        _app = app;
        Time = time;
        Slack = slack;
        WebApi = webApi;
        Logs = logs;
    }

    public RecordingTimeProvider Time { get; }
    public FakeSocketModeSlack Slack { get; }
    public FakeSlackHandler WebApi { get; }
    public RecordingLoggerProvider Logs { get; }

    public ISocketModeStatus Status => _app.Services.GetRequiredService<ISocketModeStatus>();

    /// <summary>Builds the app; <see cref="StartAsync"/> starts it, once its first connection says hello (a refused token makes it throw).</summary>
    public static SocketModeTestApp Create(Action<SlackAppBuilder> configure, FakeSlackHandler? webApi = null, Queue<double>? jitter = null, IEventDeduplicator? deduplicator = null)
    {
        var time = new RecordingTimeProvider();
        var slack = new FakeSocketModeSlack();
        var logs = new RecordingLoggerProvider();
        var tickets = 0;
        webApi ??= new FakeSlackHandler
        {
            Fallback = _ => FakeSlackHandler.Json($$"""{"ok":true,"url":"wss://wss-primary.slack.test/link/?ticket={{Interlocked.Increment(ref tickets).ToString(CultureInfo.InvariantCulture)}}&app_id=A0CA5"}"""),
        };

        var installations = new FakeInstallations();
        installations.Add(SlackTestApp.InstallationFor("T0001"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:AppToken"] = AppToken, ["Slack:BotToken"] = "xoxb-test-token" });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(installations.Store);
        builder.Services.AddSingleton(FakeSlackApiClients.Factory);
        builder.Services.AddSingleton<ISlackResponseUrlClient>(new RecordingResponseUrlClient());
        builder.Services.AddSingleton<ISocketModeConnector>(slack);
        if (deduplicator is not null)
        {
            builder.Services.AddSingleton(deduplicator);
        }

        var sequence = jitter ?? new Queue<double>();
        builder.Services.AddSingleton(new SocketModeJitter(() => sequence.TryDequeue(out var next) ? next : 0.5));
        builder.Services.AddHttpClient(SlackHttpClientNames.WebApi).ConfigurePrimaryHttpMessageHandler(() => webApi);
        builder.Services.AddSlackRouting(configure);
        return new SocketModeTestApp(builder.Build(), time, slack, webApi, logs);
    }

    /// <summary>Starts the app and returns its first connection, already live (hello sent and seen).</summary>
    public static async Task<(SocketModeTestApp App, FakeSocketModeLink Link)> StartLiveAsync(Action<SlackAppBuilder> configure, Queue<double>? jitter = null, IEventDeduplicator? deduplicator = null)
    {
        var app = Create(configure, jitter: jitter, deduplicator: deduplicator);
        var starting = app.StartAsync();
        var link = await app.Slack.NextLinkAsync();
        await link.SayHelloAsync();
        await starting;
        return (app, link);
    }

    public Task StartAsync() => _app.StartAsync(TestContext.Current.CancellationToken);

    /// <summary>Says hello on <paramref name="link"/> and waits until the app has taken it as live.</summary>
    public async Task SayHelloAsync(FakeSocketModeLink link)
    {
        var status = Service<SocketModeStatus>();
        var before = status.Hellos;
        await link.SayHelloAsync();
        await WhenAsync(_ => status.Hellos > before);
    }

    /// <summary>Completes once the status satisfies <paramref name="condition"/>.</summary>
    public Task WhenAsync(Func<ISocketModeStatus, bool> condition) =>
        Service<SocketModeStatus>().WhenAsync(condition, TestContext.Current.CancellationToken);

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
