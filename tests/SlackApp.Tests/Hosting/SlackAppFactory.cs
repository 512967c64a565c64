using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SlackApp.Tests.Hosting;

/// <summary>The whole app in-process, on its own temporary SQLite file and key ring.</summary>
public class SlackAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    public SlackAppFactory()
    {
        Folder = Directory.CreateTempSubdirectory("slackapp-host-").FullName;
        _settings["Database:ConnectionString"] = $"Data Source={Path.Combine(Folder, "slackapp.db")}";
        _settings["DataProtection:KeysPath"] = Path.Combine(Folder, "keys");
    }

    public string Folder { get; }

    /// <summary>Sets a configuration key (as a deployment would) before the host starts.</summary>
    public SlackAppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
