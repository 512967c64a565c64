using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlackApp.Sandbox.Hosting;
using SlackApp.Slack.SocketMode;
using SlackApp.Slack.WebApi;

namespace SlackApp.Tests.LocalSandbox;

/// <summary>
/// The whole app in-process with no Slack credentials, so in sandbox mode with the product's extension: the app's
/// Web API client and the sandbox's requests to the app go over HTTP to the same in-process server.
/// </summary>
public sealed class LocalSandboxApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="socketMode">True: the sandbox and the app talk over Socket Mode (<c>Sandbox:SocketMode</c>) through the test server's WebSockets.</param>
    public LocalSandboxApp(bool socketMode = false)
    {
        Folder = Directory.CreateTempSubdirectory("slackapp-localsandbox-").FullName;
        _settings["Database:ConnectionString"] = $"Data Source={Path.Combine(Folder, "slackapp.db")}";
        _settings["DataProtection:KeysPath"] = Path.Combine(Folder, "keys");
        // Real time runs here, on a possibly loaded machine: Slack's own limits are the sandbox tests' concern.
        _settings["Slack:Routing:AckTimeout"] = "00:00:30";
        _settings["Sandbox:RequestTimeout"] = "00:01:00";
        _settings["Sandbox:TriggerLifetime"] = "00:00:30";
        if (socketMode)
        {
            _settings["Sandbox:SocketMode"] = "true";
        }
    }

    public string Folder { get; }

    public LocalSandboxApp With(string key, string? value)
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
            foreach (var name in new[] { SlackHttpClientNames.WebApi, SlackHttpClientNames.ResponseUrl, SandboxAddress.HttpClientName })
            {
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
            }

            services.AddSingleton<ISocketModeConnector>(provider => new TestServerSocketConnector((TestServer)provider.GetRequiredService<IServer>()));
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
        SlackApp.Tests.Data.SqlitePools.Clear(_connectionString);
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

/// <summary>Opens the app's Socket Mode connections to the sandbox through the in-process test server.</summary>
internal sealed class TestServerSocketConnector(TestServer server) : ISocketModeConnector
{
    public Task<System.Net.WebSockets.WebSocket> ConnectAsync(Uri url, CancellationToken cancellationToken) =>
        server.CreateWebSocketClient().ConnectAsync(url, cancellationToken);
}
