using System.Text.RegularExpressions;

namespace SlackApp.Workflows;

/// <summary>
/// Decides which enabled workflows a signal matches, and why. Pure: no I/O, no clock. A filter whose
/// value the signal does not carry (no seniority, no status...) does not match.
/// </summary>
public static class WorkflowMatcher
{
    public static IReadOnlyList<WorkflowMatch> Match(Signal signal, IEnumerable<Workflow> workflows)
    {
        var matches = new List<WorkflowMatch>();
        foreach (var workflow in workflows)
        {
            if (workflow.Enabled && Explain(signal, workflow) is { } reasons)
            {
                matches.Add(new WorkflowMatch(workflow, reasons));
            }
        }

        return matches;
    }

    /// <summary>The reasons <paramref name="workflow"/> matches <paramref name="signal"/>, or null when it does not (enabled or not).</summary>
    public static IReadOnlyList<string>? Explain(Signal signal, Workflow workflow)
    {
        if (!workflow.SignalTypes.Contains(signal.Type))
        {
            return null;
        }

        var reasons = new List<string> { SignalNames.Label(signal.Type) };
        var filters = workflow.Filters;
        var person = signal.Person;

        if (filters.MinimumSeniority is { } minimum)
        {
            if (person.Seniority is not { } seniority || seniority < minimum)
            {
                return null;
            }

            // "VP meets Director+": the person's level against the workflow's floor ("C-level is Director+" read as false).
            reasons.Add($"{SignalNames.Label(seniority)} meets {SignalNames.Label(minimum)}+");
        }

        if (filters.AccountStatuses.Count > 0)
        {
            if (signal.Account.Status is not { } status || !filters.AccountStatuses.Contains(status))
            {
                return null;
            }

            reasons.Add($"Account is {SignalNames.Label(status)}");
        }

        if (filters.Departments.Count > 0)
        {
            var department = filters.Departments.FirstOrDefault(d => string.Equals(d.Trim(), person.Department?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (department is null)
            {
                return null;
            }

            reasons.Add($"Department is {person.Department}");
        }

        if (filters.Relationships.Count > 0)
        {
            if (person.Relationship is not { } relationship || !filters.Relationships.Contains(relationship))
            {
                return null;
            }

            reasons.Add($"Known as {SignalNames.Label(relationship)}");
        }

        if (filters.TitleKeywords.Count > 0)
        {
            var keyword = filters.TitleKeywords.FirstOrDefault(k => TitleContains(person.Title, k));
            if (keyword is null)
            {
                return null;
            }

            reasons.Add($"Title contains \"{keyword.Trim()}\"");
        }

        return reasons;
    }

    // Whole words only: "VP" matches "VP of Sales" and "SVP, VP" but not "MVP Program".
    private static bool TitleContains(string? title, string keyword)
    {
        var trimmed = keyword.Trim();
        if (string.IsNullOrEmpty(title) || trimmed.Length == 0)
        {
            return false;
        }

        var pattern = $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(trimmed)}(?![\p{{L}}\p{{N}}])";
        return Regex.IsMatch(title, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
