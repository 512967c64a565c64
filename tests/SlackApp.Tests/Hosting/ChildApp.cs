using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SlackApp.Tests.Hosting;

/// <summary>
/// The built app as a child process: <c>dotnet SlackApp.dll</c> (the project reference copies it, with its
/// runtimeconfig and deps, next to the tests), configured only by environment variables, listening on a free
/// loopback port. Every line it writes goes to a shared log, for the test output.
/// </summary>
internal sealed partial class ChildApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildApp(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the app named <paramref name="name"/> in the log, with <paramref name="settings"/> as its whole configuration (keys as in appsettings: <c>Section:Key</c>).</summary>
    public static ChildApp Start(string name, IReadOnlyDictionary<string, string> settings, ConcurrentQueue<string> log)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "SlackApp.dll");
        if (!File.Exists(app))
        {
            throw new FileNotFoundException("The app is not built next to the tests (the project reference copies it).", app);
        }

        var start = new ProcessStartInfo(DotnetHost(), [app])
        {
            // The content root: the app's appsettings.json (log levels) is copied here with it.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Nothing of the test runner's environment configures the child: only what the test sets.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // Its "Now listening on" line is how the test learns the port.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildApp(process);
        process.OutputDataReceived += (_, e) => child.Read(name, "out", e.Data, log);
        process.ErrorDataReceived += (_, e) => child.Read(name, "err", e.Data, log);
        process.Exited += (_, _) => child._listening.TrySetException(new InvalidOperationException($"The {name} app exited (code {process.ExitCode}) before it listened; its output is in the test output."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log.Enqueue($"[{name}] started as process {process.Id.ToString(CultureInfo.InvariantCulture)}");
        return child;
    }

    /// <summary>The app's address, once Kestrel listens (after the hosted services started: migrations applied).</summary>
    public Task<Uri> ListeningAsync(CancellationToken cancellationToken) => _listening.Task.WaitAsync(cancellationToken);

    /// <summary>Waits until the app has ended by itself (e.g. it refused to start) and gives its exit code.</summary>
    public async Task<int> ExitedAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Ends the app as <c>kill -9</c> does: no shutdown, no flush, mid-statement if it is in one.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        // On Linux and macOS, Process.Kill sends SIGKILL.
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Asks the app to shut down (SIGTERM) and waits until it has: whatever it was recording is committed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Read(string name, string stream, string? line, ConcurrentQueue<string> log)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue($"[{name} {stream}] {line}");
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    // The dotnet that runs the tests (DOTNET_HOST_PATH is set by the SDK), else the one whose runtime this is.
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        // The runtime lives in {dotnet root}/shared/Microsoft.NETCore.App/{version}/.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var dotnet = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(dotnet) ? dotnet : "dotnet";
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
