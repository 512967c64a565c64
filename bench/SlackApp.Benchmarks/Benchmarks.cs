namespace SlackApp.Benchmarks;

/// <summary>Entry point of <c>dotnet run -c Release --project bench/SlackApp.Benchmarks</c>.</summary>
internal static class Benchmarks
{
    public static async Task<int> Main()
    {
        await AckBenchmark.RunAsync();
        return await SignalBenchmark.RunAsync();
    }
}
