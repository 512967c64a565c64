using System.Runtime.InteropServices;

namespace SlackApp.Benchmarks;

/// <summary>What the figures were measured on: cores, CPU, memory and how busy the machine was when the run began.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } total
            ? $"{long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / (1024 * 1024.0):N0} GiB"
            : "?";
        var load = ReadLines("/proc/loadavg").FirstOrDefault() is { } line ? string.Join(' ', line.Split(' ').Take(3)) : "?";
        return $"{Environment.ProcessorCount} cores (nproc), {cpu}, {memory} RAM, load average at start {load}, "
            + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>The 1-minute load average now: a run on a busy machine says so beside its figure.</summary>
    public static string LoadNow() => ReadLines("/proc/loadavg").FirstOrDefault()?.Split(' ')[0] ?? "?";

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
