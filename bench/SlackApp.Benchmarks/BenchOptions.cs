using System.Globalization;

namespace SlackApp.Benchmarks;

/// <summary>
/// The command line of the suite: which rows to run, how often, and the caps that keep a slow build from hanging.
/// <c>--only delivery,burst,intake,acks,analytics,inprocess --runs 3 --delivery-cap 300 --intake-signals 20000 --ack-seconds 10
/// --app Section:Key=value</c> (repeatable: passed to the app under test, e.g. <c>Notifications:MaxConcurrentSends=8</c>)
/// <c>--no-bolt</c> (skip the bolt-js peer).
/// </summary>
internal sealed record BenchOptions
{
    public static readonly IReadOnlyList<string> DefaultRows = ["delivery", "burst", "intake", "acks", "analytics"];

    public IReadOnlySet<string> Rows { get; init; } = new HashSet<string>(DefaultRows, StringComparer.OrdinalIgnoreCase);

    public int Runs { get; init; } = 3;

    /// <summary>Longest wait for the 1,000 DMs of one delivery run; today's serial sender needs about 200 s.</summary>
    public TimeSpan DeliveryCap { get; init; } = TimeSpan.FromSeconds(300);

    public int IntakeSignals { get; init; } = 20_000;

    public TimeSpan AckDuration { get; init; } = TimeSpan.FromSeconds(10);

    public bool Bolt { get; init; } = true;

    /// <summary>Extra configuration for the app under test, as <c>Section:Key</c> → value.</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    public bool Includes(string row) => Rows.Contains(row);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            options = arg switch
            {
                "--only" => options with { Rows = new HashSet<string>(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase) },
                "--runs" => options with { Runs = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--delivery-cap" => options with { DeliveryCap = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--intake-signals" => options with { IntakeSignals = Math.Max(400, int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--ack-seconds" => options with { AckDuration = TimeSpan.FromSeconds(Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture))) },
                "--no-bolt" => options with { Bolt = false },
                "--app" => AddSetting(options),
                "-h" or "--help" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown argument '{arg}'.\n{Usage}"),
            };
        }

        return options with { AppSettings = settings };

        string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");

        BenchOptions AddSetting(BenchOptions current)
        {
            var pair = Value();
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--app takes Section:Key=value, got '{pair}'.");
            }

            settings[pair[..equals]] = pair[(equals + 1)..];
            return current;
        }
    }

    public const string Usage =
        "usage: bench/run [--only delivery,burst,intake,acks,analytics,inprocess] [--runs N] [--delivery-cap SECONDS] [--intake-signals N] [--ack-seconds N] [--no-bolt] [--app Section:Key=value ...]";
}
