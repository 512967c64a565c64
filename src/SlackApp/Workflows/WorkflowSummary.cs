using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// A workflow in one line of mrkdwn, e.g. "New hire, Promotion · Director+ · Closed Lost, Customer → DM
/// account owner, &lt;#C123&gt;": trigger, filters, then recipients.
/// </summary>
public static class WorkflowSummary
{
    public static string Line(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var parts = new List<string> { string.Join(", ", workflow.SignalTypes.Select(SignalNames.Label)) };
        var filters = workflow.Filters;
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
            parts.Add("in " + string.Join(", ", filters.Departments.Select(UntrustedText.Mrkdwn)));
        }

        if (filters.TitleKeywords.Count > 0)
        {
            parts.Add("title has " + string.Join(" or ", filters.TitleKeywords.Select(k => $"\"{UntrustedText.Mrkdwn(k)}\"")));
        }

        return $"{string.Join(" · ", parts)} → {Recipients(workflow.Recipients)}";
    }

    /// <summary>"DM account owner, CSM, &lt;@U1&gt;, &lt;#C1&gt;" — or "nobody" when the workflow lists no recipient.</summary>
    public static string Recipients(WorkflowRecipients recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var parts = new List<string>();
        if (recipients.Roles.Count > 0)
        {
            parts.Add("DM " + string.Join(", ", recipients.Roles.Select(RoleName)));
        }

        parts.AddRange(recipients.UserIds.Select(u => $"<@{u}>"));
        parts.AddRange(recipients.ChannelIds.Select(c => $"<#{c}>"));
        return parts.Count == 0 ? "nobody" : string.Join(", ", parts);
    }

    private static string RoleName(AccountRole role) => role switch
    {
        AccountRole.Owner => "account owner",
        _ => SignalNames.Label(role),
    };
}
