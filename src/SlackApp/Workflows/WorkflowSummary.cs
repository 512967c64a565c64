using System.Globalization;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// A workflow in one line of mrkdwn, e.g. "New hire, Promotion · Director+ · Closed Lost, Customer → DM
/// account owner, &lt;#C123&gt;": trigger, filters, then recipients, then how it is sent when not the default.
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

        var line = $"{string.Join(" · ", parts)} → {Recipients(workflow.Recipients)}";
        var delivery = Delivery(workflow.Delivery);
        return delivery.Count == 0 ? line : $"{line} · {string.Join(" · ", delivery)}";
    }

    /// <summary>
    /// How it is sent, where that differs from the defaults (instant, repeats skipped for 7 days, no cap): e.g.
    /// "digest every 2 h", "daily digest at 09:00", "at most 20 a day per recipient", "repeats allowed". Empty for the
    /// defaults, so most lines stay as short as before.
    /// </summary>
    public static IReadOnlyList<string> Delivery(WorkflowDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var defaults = WorkflowDelivery.Default;
        var parts = new List<string>();
        switch (delivery.Mode)
        {
            case DeliveryMode.Digest:
                parts.Add("digest every " + Interval(delivery.DigestEvery));
                break;
            case DeliveryMode.DailyDigest:
                parts.Add("daily digest at " + delivery.DailyAt.ToString("HH:mm", CultureInfo.InvariantCulture));
                break;
        }

        if (delivery.DailyCap is { } cap)
        {
            parts.Add($"at most {cap.ToString(CultureInfo.InvariantCulture)} a day per recipient");
        }

        if (delivery.DuplicateWindow is not { } window)
        {
            parts.Add("repeats allowed");
        }
        else if (window != defaults.DuplicateWindow)
        {
            parts.Add($"no repeats within {Days(window)}");
        }

        if (delivery.Escalates)
        {
            parts.Add($"escalates after {delivery.EscalateAfterHours!.Value.ToString(CultureInfo.InvariantCulture)} h");
        }

        return parts;
    }

    private static string Interval(TimeSpan every)
    {
        var minutes = (int)every.TotalMinutes;
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => $"{rest.ToString(CultureInfo.InvariantCulture)} min",
            (_, 0) => $"{hours.ToString(CultureInfo.InvariantCulture)} h",
            _ => $"{hours.ToString(CultureInfo.InvariantCulture)} h {rest.ToString(CultureInfo.InvariantCulture)} min",
        };
    }

    private static string Days(TimeSpan window)
    {
        var days = (int)window.TotalDays;
        return days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";
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
