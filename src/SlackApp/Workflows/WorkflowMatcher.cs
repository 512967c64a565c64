using System.Text.RegularExpressions;

namespace SlackApp.Workflows;

/// <summary>
/// Decides which enabled workflows a signal matches, and why — or, for <c>/usergems why</c>, why not. Pure: no I/O,
/// no clock. A filter whose value the signal does not carry (no seniority, no status...) does not match.
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
    public static IReadOnlyList<string>? Explain(Signal signal, Workflow workflow) => Evaluate(signal, workflow, out _);

    /// <summary>
    /// Why <paramref name="workflow"/> does not take <paramref name="signal"/>, in plain words (not yet escaped for
    /// mrkdwn: the values come from signal sources and workflow editors); null when it does. A paused workflow says so
    /// first, and whether it would otherwise have matched, since "resume it" and "change its filters" are different fixes.
    /// </summary>
    public static string? ExplainMiss(Signal signal, Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var matches = Evaluate(signal, workflow, out var miss) is not null;
        if (workflow.Enabled)
        {
            return miss;
        }

        return matches ? "Paused (it would otherwise have matched)" : $"Paused; besides, {Lower(miss!)}";
    }

    // The reasons it matches, or null with the first condition that failed in words.
    private static List<string>? Evaluate(Signal signal, Workflow workflow, out string? miss)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(workflow);
        miss = null;
        if (!workflow.SignalTypes.Contains(signal.Type))
        {
            var trigger = workflow.SignalTypes.Count == 0 ? "no signal type" : string.Join(", ", workflow.SignalTypes.Select(SignalNames.Label));
            miss = $"Its trigger is {trigger}; this signal is a {SignalNames.Label(signal.Type)}";
            return null;
        }

        var reasons = new List<string> { SignalNames.Label(signal.Type) };
        var filters = workflow.Filters;
        var person = signal.Person;

        if (filters.MinimumSeniority is { } minimum)
        {
            if (person.Seniority is not { } seniority || seniority < minimum)
            {
                miss = person.Seniority is { } below
                    ? $"Seniority {SignalNames.Label(below)} is below {SignalNames.Label(minimum)}+"
                    : $"It needs {SignalNames.Label(minimum)}+ and the signal gives no seniority";
                return null;
            }

            // "VP meets Director+": the person's level against the workflow's floor ("C-level is Director+" read as false).
            reasons.Add($"{SignalNames.Label(seniority)} meets {SignalNames.Label(minimum)}+");
        }

        if (filters.AccountStatuses.Count > 0)
        {
            if (signal.Account.Status is not { } status || !filters.AccountStatuses.Contains(status))
            {
                var wanted = string.Join(", ", filters.AccountStatuses.Select(SignalNames.Label));
                miss = signal.Account.Status is { } other
                    ? $"Account status {SignalNames.Label(other)} is not one of {wanted}"
                    : $"It needs an account status of {wanted} and the signal gives none";
                return null;
            }

            reasons.Add($"Account is {SignalNames.Label(status)}");
        }

        if (filters.Departments.Count > 0)
        {
            var department = filters.Departments.FirstOrDefault(d => string.Equals(d.Trim(), person.Department?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (department is null)
            {
                var wanted = string.Join(", ", filters.Departments.Select(d => d.Trim()));
                miss = string.IsNullOrWhiteSpace(person.Department)
                    ? $"It needs a department of {wanted} and the signal gives none"
                    : $"Department {person.Department.Trim()} is not one of {wanted}";
                return null;
            }

            reasons.Add($"Department is {person.Department}");
        }

        if (filters.Relationships.Count > 0)
        {
            if (person.Relationship is not { } relationship || !filters.Relationships.Contains(relationship))
            {
                var wanted = string.Join(", ", filters.Relationships.Select(SignalNames.Label));
                miss = person.Relationship is { } other
                    ? $"Known as {SignalNames.Label(other)}, not one of {wanted}"
                    : $"It needs someone known as {wanted} and the signal gives no relationship";
                return null;
            }

            reasons.Add($"Known as {SignalNames.Label(relationship)}");
        }

        if (filters.TitleKeywords.Count > 0)
        {
            var keyword = filters.TitleKeywords.FirstOrDefault(k => TitleContains(person.Title, k));
            if (keyword is null)
            {
                var wanted = string.Join(", ", filters.TitleKeywords.Select(k => $"\"{k.Trim()}\""));
                miss = string.IsNullOrWhiteSpace(person.Title)
                    ? $"It needs a title containing {wanted} and the signal gives no title"
                    : $"Title \"{person.Title.Trim()}\" contains none of {wanted}";
                return null;
            }

            reasons.Add($"Title contains \"{keyword.Trim()}\"");
        }

        return reasons;
    }

    private static string Lower(string sentence) => sentence.Length == 0 ? sentence : char.ToLowerInvariant(sentence[0]) + sentence[1..];

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
