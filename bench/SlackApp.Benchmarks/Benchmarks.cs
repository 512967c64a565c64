namespace SlackApp.Benchmarks;

/// <summary>
/// Entry point of <c>bench/run</c> (<c>dotnet run -c Release --project bench/SlackApp.Benchmarks -- ARGS</c>): the
/// rows of issues 11 and 12 (delivery at Slack's limits, burst coalescing, durable intake, acks under load) and of issue 13 (the Home analytics over 100,000 items), each with its goal beside it, and
/// the older in-process figures with <c>--only inprocess</c>. See <see cref="BenchOptions"/> for the arguments.
/// </summary>
internal static class Benchmarks
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [BareKestrel.Command, ..])
        {
            return await BareKestrel.ServeAsync();
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var machine = Machine.Describe();
        Console.WriteLine($"machine: {machine}");
        Console.WriteLine($"rows: {string.Join(", ", options.Rows)}; runs: {options.Runs}"
            + (options.AppSettings.Count == 0 ? string.Empty : "; app settings: " + string.Join(", ", options.AppSettings.Select(s => $"{s.Key}={s.Value}"))));
        var report = new Report();
        await using var slack = await FakeSlack.StartAsync();
        if (options.Includes("delivery"))
        {
            await DeliveryBenchmark.RunAsync(options, slack, report);
        }

        if (options.Includes("burst"))
        {
            await BurstBenchmark.RunAsync(options, slack, report);
        }

        if (options.Includes("intake"))
        {
            await IntakeBenchmark.RunAsync(options, slack, report);
        }

        if (options.Includes("acks"))
        {
            await AckLoadBenchmark.RunAsync(options, slack, report);
        }

        if (options.Includes("analytics"))
        {
            await AnalyticsBenchmark.RunAsync(options, report);
        }

        if (options.Includes("inprocess"))
        {
            await AckBenchmark.RunAsync();
            await SignalBenchmark.RunAsync();
        }

        report.Print(Console.Out);
        Console.WriteLine();
        Console.WriteLine($"machine: {machine}; load average at the end {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }
}
