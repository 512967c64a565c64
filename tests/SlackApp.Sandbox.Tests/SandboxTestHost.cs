using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlackApp.Sandbox.Extensions;
using SlackApp.Sandbox.Hosting;
using SlackApp.Sandbox.Page;
using SlackApp.Sandbox.Workspace;

namespace SlackApp.Sandbox.Tests;

/// <summary>The sandbox alone, in-process on a fake clock: its Web API and page endpoints, with no app behind them.</summary>
internal sealed class SandboxTestHost : IAsyncDisposable
{
    private SandboxTestHost(WebApplication app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public SandboxWorkspace Workspace => App.Services.GetRequiredService<SandboxWorkspace>();

    public string BotToken => App.Services.GetRequiredService<SandboxSecrets>().BotToken;

    /// <summary>Starts the sandbox with <paramref name="settings"/> added to its configuration.</summary>
    public static Task<SandboxTestHost> StartAsync(params (string Key, string Value)[] settings) => StartAsync(configure: null, settings);

    /// <summary>What reached the app behind the sandbox (see <see cref="StartWithAppAsync"/>): each interaction payload, or event body.</summary>
    public ConcurrentQueue<JsonObject> AppRequests { get; } = new();

    /// <summary>
    /// Starts the sandbox with an app behind it at <c>/slack/events</c> that records every request in
    /// <see cref="AppRequests"/> and answers an empty 200, as an app that acks does.
    /// </summary>
    public static Task<SandboxTestHost> StartWithAppAsync(params (string Key, string Value)[] settings) => StartAsync(configure: null, withApp: true, settings);

    /// <summary>Starts the sandbox with the extensions <paramref name="configure"/> chooses and <paramref name="settings"/> added to its configuration.</summary>
    public static Task<SandboxTestHost> StartAsync(Action<SandboxBuilder>? configure, params (string Key, string Value)[] settings) =>
        StartAsync(configure, withApp: false, settings);

    private static async Task<SandboxTestHost> StartAsync(Action<SandboxBuilder>? configure, bool withApp, (string Key, string Value)[] settings)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.WebHost.UseTestServer();
        Assert.True(builder.AddSlackSandbox(configure));
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (withApp)
        {
            builder.Services.AddHttpClient(SandboxAddress.HttpClientName).ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
        }

        var app = builder.Build();
        app.MapSlackSandbox();
        SandboxTestHost? host = null;
        if (withApp)
        {
            app.MapPost("/slack/events", async (HttpRequest request) =>
            {
                var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
                var body = form?["payload"] is { Count: 1 } payload ? payload[0]! : await new StreamReader(request.Body).ReadToEndAsync();
                host!.AppRequests.Enqueue(JsonNode.Parse(body)!.AsObject());
                return Results.Ok();
            });
        }

        await app.StartAsync(TestContext.Current.CancellationToken);
        host = new SandboxTestHost(app, clock);
        return host;
    }

    /// <summary>Calls a Web API method with a JSON body and the bot token (or <paramref name="token"/>; empty sends none).</summary>
    public async Task<JsonObject> CallAsync(string method, JsonObject arguments, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/sandbox/api/{method}")
        {
            Content = new StringContent(arguments.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        token ??= BotToken;
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Calls a Web API method with a form body, the way the client sends read methods.</summary>
    public async Task<JsonObject> CallFormAsync(string method, params (string Key, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/sandbox/api/{method}")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotToken);
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>Shorthands for reading Slack's answers in assertions.</summary>
internal static class Answers
{
    public static void AssertOk(JsonObject answer) => Assert.True(answer["ok"]!.GetValue<bool>(), answer.ToJsonString());

    public static void AssertError(string code, JsonObject answer)
    {
        Assert.False(answer["ok"]!.GetValue<bool>(), answer.ToJsonString());
        Assert.Equal(code, answer["error"]!.GetValue<string>());
    }

    public static JsonObject Modal(string title, params JsonObject[] blocks) => new()
    {
        ["type"] = "modal",
        ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = title },
        ["submit"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Save" },
        ["blocks"] = new JsonArray([.. blocks]),
    };

    public static JsonObject Section(string text) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text },
    };
}
