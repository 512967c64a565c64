using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SlackApp.Benchmarks;

/// <summary>What one <c>wrk --latency</c> run reported.</summary>
internal sealed record WrkResult(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Requests, long Non2xx, long SocketErrors)
{
    public bool Clean => Non2xx == 0 && SocketErrors == 0;

    public override string ToString() =>
        $"{RequestsPerSecond,9:N0} req/s, p50 {P50Milliseconds:N2} ms, p99 {P99Milliseconds:N2} ms"
        + (Clean ? string.Empty : $" ({Non2xx:N0} non-2xx, {SocketErrors:N0} socket errors of {Requests:N0})");
}

/// <summary>Runs the <c>wrk</c> load generator (Debian's; bench/run installs it) and reads its report.</summary>
internal static partial class Wrk
{
    public const int Connections = 64;
    public const int Threads = 2;

    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(folder => File.Exists(Path.Combine(folder, "wrk")));

    public static async Task<WrkResult> RunAsync(Uri url, string script, TimeSpan duration)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-t{Threads}", $"-c{Connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, url.ToString() })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(duration + TimeSpan.FromSeconds(30));
        var text = await output;
        if (process.ExitCode != 0 || RequestsPerSecond().Match(text) is not { Success: true } rate)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}):\n{text}\n{await errors}");
        }

        var socketErrors = SocketErrors().Match(text) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(text, "50%"),
            Percentile(text, "99%"),
            Requests().Match(text) is { Success: true } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            Non2xx().Match(text) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors);
    }

    /// <summary>A wrk script that POSTs <paramref name="body"/> with <paramref name="headers"/>, written to a temp file.</summary>
    public static string WriteScript(string body, IReadOnlyDictionary<string, string> headers)
    {
        var path = Path.Combine(Path.GetTempPath(), $"slackapp-bench-{Environment.ProcessId}.lua");
        var lines = new List<string> { "wrk.method = \"POST\"", $"wrk.body = {Lua(body)}" };
        lines.AddRange(headers.Select(h => $"wrk.headers[{Lua(h.Key)}] = {Lua(h.Value)}"));
        File.WriteAllLines(path, lines);
        return path;

        static string Lua(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    // wrk prints "99%   12.34ms" (or us, s) under "Latency Distribution".
    private static double Percentile(string text, string percentile)
    {
        var match = Regex.Match(text, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
