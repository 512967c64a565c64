using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SlackApp.BrowserTests;

/// <summary>
/// The whole app on real Kestrel at 127.0.0.1 on a free port, with no Slack credentials: so in sandbox mode, where
/// the app reaches the sandbox (and the sandbox the app) over HTTP as it would reach Slack.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    /// <param name="socketMode">True: the sandbox and the app talk over Socket Mode (<c>Sandbox:SocketMode</c>), a real WebSocket on loopback.</param>
    public BrowserApp(bool socketMode = false)
    {
        SocketMode = socketMode;
        Folder = Directory.CreateTempSubdirectory("slackapp-browser-").FullName;
        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}";
        UseKestrel(Port);
    }

    public string Folder { get; }

    public bool SocketMode { get; }

    public int Port { get; }

    public string BaseUrl { get; }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(Folder, "slackapp.db")}");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Folder, "keys"));
        builder.UseSetting("Sandbox:BaseUrl", BaseUrl);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Sandbox:SocketMode", SocketMode ? "true" : "false");

        // CI runs the test assemblies side by side on two cores, where a cold app can take seconds to answer its
        // first slash command. Slack's time limits (3 s trigger_id, 2.5 s ack) would fail the flow there, not the
        // code; the sandbox's own tests check those limits on a fake clock.
        builder.UseSetting("Sandbox:TriggerLifetime", "00:00:30");
        builder.UseSetting("Sandbox:RequestTimeout", "00:01:00");
        builder.UseSetting("Slack:Routing:AckTimeout", "00:00:30");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
