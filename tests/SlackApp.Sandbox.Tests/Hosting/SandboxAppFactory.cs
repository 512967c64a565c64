using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlackApp.Sandbox.Interactions;
using SlackApp.Slack.SocketMode;
using SlackApp.Slack.WebApi;

namespace SlackApp.Sandbox.Tests.Hosting;

/// <summary>
/// The whole app in-process with no Slack credentials, so in sandbox mode: the app's Web API client, its response_url
/// client and the sandbox's requests to /slack/events all go over HTTP to the same in-process server.
/// </summary>
public sealed class SandboxAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="socketMode">True: the sandbox and the app talk over Socket Mode (<c>Sandbox:SocketMode</c>), through the test server's WebSockets.</param>
    public SandboxAppFactory(bool socketMode = false)
    {
        SocketMode = socketMode;
        Folder = Directory.CreateTempSubdirectory("slackapp-sandbox-").FullName;
        _settings["Database:ConnectionString"] = $"Data Source={Path.Combine(Folder, "slackapp.db")}";
        _settings["DataProtection:KeysPath"] = Path.Combine(Folder, "keys");
        // Real time runs here: on a loaded CI machine the app may take longer than Slack's 2.5 s ack window, and the
        // answer these tests read is in the ack. Slack's own limits are tested on a fake clock in SandboxTestHost.
        _settings["Slack:Routing:AckTimeout"] = "00:00:30";
        _settings["Sandbox:RequestTimeout"] = "00:01:00";
        _settings["Sandbox:TriggerLifetime"] = "00:00:30";
        if (socketMode)
        {
            _settings["Sandbox:SocketMode"] = "true";
        }
    }

    public bool SocketMode { get; }

    public string Folder { get; }

    public SandboxAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            foreach (var name in new[] { SlackHttpClientNames.WebApi, SlackHttpClientNames.ResponseUrl, SandboxAppClient.HttpClientName })
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
            }

            // The app's Socket Mode connections reach the sandbox's WebSocket endpoint on the same in-process server.
            services.AddSingleton<ISocketModeConnector>(provider => new TestServerSocketConnector(provider.GetRequiredService<IServer>()));
        });
    }

    // The app's own database, known once its host is built: only its pool is cleared on dispose.
    private string? _connectionString;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _connectionString = host.Services.GetRequiredService<SlackApp.Data.DbConnectionFactory>().ConnectionString;
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // Only this app's pool: ClearAllPools would close the connections of tests running beside it.
        if (_connectionString is not null)
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(_connectionString);
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}

/// <summary>Opens the app's Socket Mode connections through the in-process test server's WebSocket client.</summary>
internal sealed class TestServerSocketConnector(IServer server) : ISocketModeConnector
{
    public Task<System.Net.WebSockets.WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken) =>
        ((TestServer)server).CreateWebSocketClient().ConnectAsync(url, cancellationToken);
}
