using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Slack.OAuth;
using SlackApp.Slack.Routing;
using SlackApp.Slack.Signing;
using SlackApp.Slack.WebApi;

namespace SlackApp.Slack.Tests.Routing;

/// <summary>An in-process app with the Slack ingress at /slack/events, a fake clock, and fake Slack-side services.</summary>
internal sealed class SlackTestApp : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly WebApplication _app;

    private SlackTestApp(WebApplication app, FakeTimeProvider time, FakeInstallations installations, RecordingResponseUrlClient responseUrls, RecordingLoggerProvider logs)
    {
        _app = app;
        Time = time;
        Installations = installations;
        ResponseUrls = responseUrls;
        Logs = logs;
        Http = app.GetTestClient();
    }

    public FakeTimeProvider Time { get; }
    public FakeInstallations Installations { get; }
    public RecordingResponseUrlClient ResponseUrls { get; }
    public RecordingLoggerProvider Logs { get; }
    public HttpClient Http { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SlackTestApp> StartAsync(
        Action<SlackAppBuilder> configure,
        Action<SlackRoutingOptions>? routing = null,
        string? signingSecret = SigningSecret,
        HttpMessageHandler? responseUrlSlack = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var installations = new FakeInstallations();
        var responseUrls = new RecordingResponseUrlClient();
        var logs = new RecordingLoggerProvider();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = signingSecret });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(installations.Store);
        builder.Services.AddSingleton(FakeSlackApiClients.Factory);
        if (responseUrlSlack is null)
        {
            builder.Services.AddSingleton<ISlackResponseUrlClient>(responseUrls);
        }
        else
        {
            // The real response_url client, registered by AddSlackRouting, posting to a fake Slack.
            builder.Services.AddHttpClient(SlackHttpClientNames.ResponseUrl).ConfigurePrimaryHttpMessageHandler(() => responseUrlSlack);
        }

        builder.Services.AddSlackRouting(configure);
        if (routing is not null)
        {
            builder.Services.Configure(routing);
        }

        var app = builder.Build();
        app.MapSlackEvents();
        await app.StartAsync(Ct);
        return new SlackTestApp(app, time, installations, responseUrls, logs);
    }

    public static Installation InstallationFor(string teamId, string botToken = "xoxb-test-token") =>
        new() { TeamId = teamId, BotUserId = "UBOT", BotToken = botToken };

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public Task<HttpResponseMessage> PostFormAsync(string form) =>
        SendAsync(Signed(form, "application/x-www-form-urlencoded"));

    public Task<HttpResponseMessage> PostInteractionAsync(string payloadJson) =>
        PostFormAsync("payload=" + Uri.EscapeDataString(payloadJson));

    public Task<HttpResponseMessage> PostJsonAsync(string json, int? retryNum = null)
    {
        var request = Signed(json, "application/json");
        if (retryNum is { } retry)
        {
            request.Headers.Add(SlackHeaders.RetryNum, retry.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SlackHeaders.RetryReason, "http_timeout");
        }

        return SendAsync(request);
    }

    public HttpRequestMessage Signed(string body, string contentType, long? timestamp = null, string? secret = SigningSecret)
    {
        var stamp = (timestamp ?? Now).ToString(CultureInfo.InvariantCulture);
        var request = Unsigned(body, contentType);
        request.Headers.Add(SlackHeaders.RequestTimestamp, stamp);
        request.Headers.Add(SlackHeaders.Signature, SlackSignatureVerifier.ComputeSignature(secret!, stamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static HttpRequestMessage Unsigned(string body, string contentType) =>
        new(HttpMethod.Post, "/slack/events")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } },
        };

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request, Ct);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
