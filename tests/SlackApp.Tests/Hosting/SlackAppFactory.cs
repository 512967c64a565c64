using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SlackApp.Slack.SocketMode;
using SlackApp.Slack.WebApi;
using SlackApp.Tests.Data;
using SlackApp.Tests.Fakes;

namespace SlackApp.Tests.Hosting;

/// <summary>
/// The whole app in-process, on its own temporary SQLite file and key ring, talking to a
/// <see cref="FakeSlack"/> instead of Slack.
/// </summary>
public class SlackAppFactory : WebApplicationFactory<Program>
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string ClientId = "1111.2222";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly bool _ownsFolder;

    /// <param name="withSlackCredentials">False: as a fresh machine with nothing configured.</param>
    /// <param name="folder">Reuse another instance's database and keys (a restart); it is then not deleted.</param>
    /// <param name="transport">How Slack's requests reach the app through <see cref="CreateSlackClient"/>.</param>
    public SlackAppFactory(bool withSlackCredentials = true, string? folder = null, SlackTransport transport = SlackTransport.Http)
    {
        Transport = transport;
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("slackapp-host-").FullName;
        _settings["Database:ConnectionString"] = $"Data Source={Path.Combine(Folder, "slackapp.db")}";
        _settings["DataProtection:KeysPath"] = Path.Combine(Folder, "keys");
        _settings["Slack:ApiBaseUrl"] = FakeSlack.ApiBaseUrl;
        // These tests talk to FakeSlack; the local sandbox (the default without credentials) stays off.
        _settings["Sandbox:Enabled"] = "false";
        if (withSlackCredentials)
        {
            _settings["Slack:SigningSecret"] = SigningSecret;
            _settings["Slack:ClientId"] = ClientId;
            _settings["Slack:ClientSecret"] = ClientSecret;
        }

        if (transport == SlackTransport.SocketMode)
        {
            _settings["Slack:AppToken"] = FakeSlack.AppToken;
        }
    }

    public SlackTransport Transport { get; }

    public string Folder { get; }

    public FakeSlack Slack { get; } = new();

    /// <summary>Sets a configuration key (as a deployment would) before the host starts.</summary>
    public SlackAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services before the host starts.</summary>
    public SlackAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// A client whose requests to <c>/slack/events</c> reach the app over <see cref="Transport"/> (as Socket Mode
    /// envelopes, their ack answered as Slack's POST would be); every other request goes over HTTP.
    /// </summary>
    public HttpClient CreateSlackClient() =>
        Transport == SlackTransport.SocketMode ? CreateDefaultClient(new SocketModeDelivery(Slack.Socket)) : CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(SlackHttpClientNames.WebApi).ConfigurePrimaryHttpMessageHandler(() => Slack);
            services.AddHttpClient(SlackHttpClientNames.ResponseUrl).ConfigurePrimaryHttpMessageHandler(() => Slack);
            services.AddSingleton<ISocketModeConnector>(Slack.Socket);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    // The app's own database, known once its host is built: only its pool is cleared on dispose.
    private string? _connectionString;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var connections = host.Services.GetRequiredService<SlackApp.Data.DbConnectionFactory>();
        _connectionString = connections.ConnectionString;
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqlitePools.Clear(_connectionString);
        if (!_ownsFolder)
        {
            return;
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
