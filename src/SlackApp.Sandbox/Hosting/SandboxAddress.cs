using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SlackApp.Sandbox.Hosting;

/// <summary>The app's own base URL, known once the server listens; the sandbox posts Slack's requests there and hands out URLs under it.</summary>
public sealed class SandboxAddress
{
    /// <summary>The named <see cref="HttpClient"/> the sandbox reaches the app with (its request URL, and panels' actions).</summary>
    public const string HttpClientName = "SlackApp.Sandbox.RequestUrl";

    private readonly TaskCompletionSource<string> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the base URL (no trailing slash) once the server listens.</summary>
    public Task<string> WhenKnown => _known.Task;

    /// <summary>The base URL, or null before the server listens.</summary>
    public string? BaseUrl => _known.Task.IsCompletedSuccessfully ? _known.Task.Result : null;

    /// <summary>The base URL; throws before the server listens.</summary>
    public string Require() => BaseUrl ?? throw new InvalidOperationException("The sandbox is not reachable yet: the server has not started.");

    internal void Set(string baseUrl) => _known.TrySetResult(baseUrl.TrimEnd('/'));

    /// <summary>
    /// The base URL expected before the server starts: the configured one, else the first of <c>urls</c> (what
    /// <c>dotnet run</c> passes from launchSettings.json). Corrected by <see cref="Resolve"/> once the server listens.
    /// </summary>
    internal static string Expected(string? configured, string? urls) =>
        !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/') : Choose((urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The configured base URL, else the server's first http address with a wildcard host made <c>localhost</c>.</summary>
    internal static string Resolve(string? configured, IServer server)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        return Choose(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
    }

    private static string Choose(ICollection<string> addresses)
    {
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            // An in-process test server has no address; its clients accept any host.
            ?? "http://localhost";
        var uri = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
