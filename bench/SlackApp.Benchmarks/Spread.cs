using System.Globalization;

namespace SlackApp.Benchmarks;

/// <summary>Median and range of one figure over the runs: on a shared, noisy machine a single figure means little.</summary>
internal sealed record Spread(double Median, double Min, double Max, int Count)
{
    public static Spread? Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1], sorted.Length);
    }

    /// <summary>"202 s (199–204 s, 3 runs)", or the figure alone for one run.</summary>
    public string Format(string numberFormat, string unit = "")
    {
        return Count == 1 ? $"{N(Median)}{unit}" : $"{N(Median)}{unit} ({N(Min)}–{N(Max)}{unit}, {Count} runs)";

        string N(double value) => value.ToString(numberFormat, CultureInfo.InvariantCulture);
    }
}
