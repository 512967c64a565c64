namespace SlackApp.Benchmarks;

/// <summary>One line of the closing table: a measure, its figure over the runs, the goal, and whether it is met.</summary>
internal sealed record ReportRow(string Measure, string Figure, string Goal, bool? Met);

/// <summary>The closing table every row of the suite adds to, printed once at the end.</summary>
internal sealed class Report
{
    private readonly List<ReportRow> _rows = [];

    public void Add(string measure, string figure, string goal, bool? met) => _rows.Add(new ReportRow(measure, figure, goal, met));

    public void Print(TextWriter output)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var headers = new[] { "measure", "figure (median, min–max over runs)", "goal", "met?" };
        var cells = _rows.Select(r => new[] { r.Measure, r.Figure, r.Goal, r.Met switch { true => "yes", false => "NO", null => "–" } }).ToList();
        var widths = Enumerable.Range(0, headers.Length).Select(c => cells.Select(r => r[c].Length).Append(headers[c].Length).Max()).ToArray();
        output.WriteLine();
        output.WriteLine(Line(headers));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray()));
        foreach (var row in cells)
        {
            output.WriteLine(Line(row));
        }

        string Line(string[] row) => "| " + string.Join(" | ", row.Select((cell, c) => cell.PadRight(widths[c]))) + " |";
    }
}
