using SlackApp.Audit;

namespace SlackApp.Workflows;

/// <summary>
/// A workflow's fields as the audit log compares and shows them, in words (plain text: escaped when shown), so an edit
/// records exactly the fields that changed.
/// </summary>
public static class WorkflowAuditFields
{
    public const string Name = "Name";
    public const string Signals = "Signals";
    public const string Filters = "Filters";
    public const string Recipients = "Recipients";
    public const string FallbackChannel = "Fallback channel";
    public const string Status = "Status";
    public const string Delivery = "Delivery";

    public static IReadOnlyList<AuditField> Of(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return
        [
            new(Name, workflow.Name),
            new(Signals, string.Join(", ", workflow.SignalTypes.Select(SignalNames.Label))),
            new(Filters, FilterWords(workflow.Filters)),
            new(Recipients, WorkflowSummary.Recipients(workflow.Recipients)),
            new(FallbackChannel, workflow.FallbackChannelId is { } channel ? $"<#{channel}>" : "the workspace's"),
            new(Status, StatusWord(workflow.Enabled)),
            new(Delivery, WorkflowSummary.Delivery(workflow.Delivery) is { Count: > 0 } parts ? string.Join(" · ", parts) : "instant"),
        ];
    }

    public static string StatusWord(bool enabled) => enabled ? "active" : "paused";

    // As the summary line says them, but unescaped: the audit log escapes when it shows them.
    private static string FilterWords(WorkflowFilters filters)
    {
        var parts = new List<string>();
        if (filters.MinimumSeniority is { } seniority)
        {
            parts.Add(seniority == Seniority.CLevel ? SignalNames.Label(seniority) : $"{SignalNames.Label(seniority)}+");
        }

        if (filters.AccountStatuses.Count > 0)
        {
            parts.Add(string.Join(", ", filters.AccountStatuses.Select(SignalNames.Label)));
        }

        if (filters.Relationships.Count > 0)
        {
            parts.Add("was " + string.Join(" or ", filters.Relationships.Select(r => SignalNames.Label(r).ToLowerInvariant())));
        }

        if (filters.Departments.Count > 0)
        {
            parts.Add("in " + string.Join(", ", filters.Departments));
        }

        if (filters.TitleKeywords.Count > 0)
        {
            parts.Add("title has " + string.Join(" or ", filters.TitleKeywords.Select(k => $"\"{k}\"")));
        }

        return parts.Count == 0 ? "none" : string.Join(" · ", parts);
    }
}
