using System.Diagnostics;

namespace SlackApp.Benchmarks;

/// <summary>
/// bolt-js 4 (Slack's own framework) answering the same ack, as the peer of the ack row. npm installs it into a temp
/// folder on first use (it stays out of git); where npm or the registry is missing the row goes on without it.
/// </summary>
internal static class BoltPeer
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "slackapp-bench-bolt");

    /// <summary>Starts bolt-js, or says why it could not (null child).</summary>
    public static async Task<(ChildProcess? Child, string? Problem)> TryStartAsync(string ackBody)
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "@slack", "bolt", "package.json")))
        {
            Console.WriteLine($"   installing @slack/bolt@4 into {Folder} (npm) ...");
            Directory.CreateDirectory(Folder);
            await File.WriteAllTextAsync(Path.Combine(Folder, "package.json"), """{ "private": true }""");
            var (code, output) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "@slack/bolt@4"], TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                return (null, $"npm install @slack/bolt@4 failed ({code}): {output.Trim()}");
            }
        }

        var (_, version) = await RunAsync("node", ["-p", "require('@slack/bolt/package.json').version + ' on node ' + process.version"], TimeSpan.FromSeconds(30));
        var port = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NODE_PATH"] = Path.Combine(Folder, "node_modules"),
            ["NODE_ENV"] = "production",
            ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SLACK_SIGNING_SECRET"] = BenchmarkApp.SigningSecret,
            ["BENCH_ACK_BODY"] = ackBody,
        };
        var child = ChildProcess.Start($"bolt-js {version.Trim()}", "node", [Path.Combine(AppContext.BaseDirectory, "bolt", "app.js")], environment, Folder, port);
        try
        {
            await child.WaitReadyAsync("/healthz", TimeSpan.FromSeconds(30));
            return (child, null);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            await child.DisposeAsync();
            return (null, e.Message);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["NODE_PATH"] = Path.Combine(Folder, "node_modules");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(timeout);
            return (process.ExitCode, await output + await errors);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return (-1, e.Message);
        }
    }
}
