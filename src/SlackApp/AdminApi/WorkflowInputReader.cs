using System.Globalization;
using SlackApp.Workflows;

namespace SlackApp.AdminApi;

/// <summary>
/// Reads a <see cref="WorkflowInput"/> into a workflow draft: wire names parsed, channels and people resolved to ids,
/// delivery values held to the modal's bounds (with its words). Every problem is added under its field, prefixed with
/// <c>prefix</c> (<c>workflows[2].</c> in an import). What the modal's own validation checks is left to it.
/// </summary>
internal static class WorkflowInputReader
{
    public static async Task<Workflow> ReadAsync(WorkflowInput input, string teamId, SlackNames names, string prefix, FieldErrors errors, CancellationToken cancellationToken)
    {
        var filters = input.Filters ?? new WorkflowFiltersInput();
        var recipients = input.Recipients ?? new WorkflowRecipientsInput();
        if (input.Name is null)
        {
            errors.Add(prefix + "name", "Required.");
        }

        if (input.SignalTypes is null)
        {
            errors.Add(prefix + "signalTypes", $"Required: one or more of {Expected<SignalType>()}.");
        }

        Seniority? seniority = null;
        if (filters.MinimumSeniority is { } wire)
        {
            if (SignalNames.TryParse(wire, out Seniority parsed))
            {
                seniority = parsed;
            }
            else
            {
                errors.Add(prefix + "filters.minimumSeniority", $"Unknown seniority \"{wire}\": one of {Expected<Seniority>()}, or null.");
            }
        }

        return new Workflow
        {
            TeamId = teamId,
            Name = input.Name?.Trim() ?? string.Empty,
            Enabled = input.Enabled ?? true,
            SignalTypes = Parse<SignalType>(input.SignalTypes, SignalNames.TryParse, prefix + "signalTypes", "signal type", errors),
            Filters = new WorkflowFilters
            {
                MinimumSeniority = seniority,
                AccountStatuses = Parse<AccountStatus>(filters.AccountStatuses, SignalNames.TryParse, prefix + "filters.accountStatuses", "account status", errors),
                Departments = Words(filters.Departments, prefix + "filters.departments", errors),
                Relationships = Parse<PersonRelationship>(filters.Relationships, SignalNames.TryParse, prefix + "filters.relationships", "relationship", errors),
                TitleKeywords = Words(filters.TitleKeywords, prefix + "filters.titleKeywords", errors),
            },
            Recipients = new WorkflowRecipients
            {
                ChannelIds = await ResolveAsync(recipients.Channels, names.ChannelAsync, prefix + "recipients.channels", errors, cancellationToken),
                Roles = Parse<AccountRole>(recipients.Roles, SignalNames.TryParse, prefix + "recipients.roles", "account role", errors),
                UserIds = await ResolveAsync(recipients.Users, names.UserAsync, prefix + "recipients.users", errors, cancellationToken),
            },
            FallbackChannelId = await ResolveOneAsync(input.FallbackChannel, names.ChannelAsync, prefix + "fallbackChannel", errors, cancellationToken),
            Delivery = await DeliveryAsync(input.Delivery ?? new WorkflowDeliveryInput(), names, prefix + "delivery.", errors, cancellationToken),
        };
    }

    private static async Task<WorkflowDelivery> DeliveryAsync(WorkflowDeliveryInput input, SlackNames names, string prefix, FieldErrors errors, CancellationToken cancellationToken)
    {
        var defaults = WorkflowDelivery.Default;
        var mode = defaults.Mode;
        if (input.Mode is { } wire && !DeliveryModeNames.TryParse(wire, out mode))
        {
            errors.Add(prefix + "mode", $"Unknown mode \"{wire}\": one of {DeliveryModeNames.Instant}, {DeliveryModeNames.Digest}, {DeliveryModeNames.DailyDigest}.");
        }

        var digestEvery = defaults.DigestEvery;
        if (input.DigestEveryMinutes is { } minutes)
        {
            // Compared as numbers first: a huge number would overflow a TimeSpan.
            if (minutes >= (int)WorkflowDelivery.MinDigestEvery.TotalMinutes && minutes <= (int)WorkflowDelivery.MaxDigestEvery.TotalMinutes)
            {
                digestEvery = TimeSpan.FromMinutes(minutes);
            }
            else
            {
                errors.Add(prefix + "digestEveryMinutes", WorkflowModal.DigestEveryOutOfBounds);
            }
        }

        var dailyAt = defaults.DailyAt;
        if (input.DailyAt is { } at && !TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out dailyAt))
        {
            errors.Add(prefix + "dailyAt", "A time of day as HH:mm, e.g. 09:00.");
        }

        var duplicateWindow = defaults.DuplicateWindow;
        switch (input.DuplicateWindowDays)
        {
            case null:
                break;
            case 0:
                duplicateWindow = null;
                break;
            case { } days when days > 0 && days <= (int)WorkflowDelivery.MaxDuplicateWindow.TotalDays:
                duplicateWindow = TimeSpan.FromDays(days);
                break;
            default:
                errors.Add(prefix + "duplicateWindowDays", WorkflowModal.DuplicateWindowOutOfBounds);
                break;
        }

        if (input.DailyCap is not null and not (>= 1 and <= WorkflowDelivery.MaxDailyCap))
        {
            errors.Add(prefix + "dailyCap", WorkflowModal.DailyCapOutOfBounds);
        }

        if (input.EscalateAfterHours is not null and not (>= 1 and <= WorkflowDelivery.MaxEscalateAfterHours))
        {
            errors.Add(prefix + "escalateAfterHours", WorkflowModal.EscalateAfterOutOfBounds);
        }

        var toUser = await ResolveOneAsync(input.EscalateToUser, names.UserAsync, prefix + "escalateToUser", errors, cancellationToken);
        var toChannel = await ResolveOneAsync(input.EscalateToChannel, names.ChannelAsync, prefix + "escalateToChannel", errors, cancellationToken);
        if (input.EscalateAfterHours is not null && input.EscalateToUser is null && input.EscalateToChannel is null)
        {
            errors.Add(prefix + "escalateToUser", WorkflowModal.EscalateToMissing);
        }
        else if (input.EscalateAfterHours is null && (input.EscalateToUser is not null || input.EscalateToChannel is not null))
        {
            errors.Add(prefix + "escalateAfterHours", WorkflowModal.EscalateAfterMissing);
        }

        return new WorkflowDelivery
        {
            Mode = mode,
            DigestEvery = digestEvery,
            DailyAt = dailyAt,
            DuplicateWindow = duplicateWindow,
            DailyCap = input.DailyCap,
            EscalateAfterHours = input.EscalateAfterHours,
            EscalateToUserId = input.EscalateAfterHours is null ? null : toUser,
            EscalateToChannelId = input.EscalateAfterHours is null ? null : toChannel,
        };
    }

    private delegate bool TryParser<T>(string? wire, out T value);

    private static List<T> Parse<T>(IReadOnlyList<string>? wires, TryParser<T> parse, string field, string what, FieldErrors errors)
        where T : struct, Enum
    {
        var values = new List<T>();
        for (var i = 0; i < (wires?.Count ?? 0); i++)
        {
            if (parse(wires![i], out var value))
            {
                values.Add(value);
            }
            else
            {
                errors.Add(Index(field, i), $"Unknown {what} \"{wires[i]}\": one of {Expected<T>()}.");
            }
        }

        return [.. values.Distinct()];
    }

    // As the modal reads its comma-separated lists: trimmed, distinct (ignoring case), none empty.
    private static List<string> Words(IReadOnlyList<string>? words, string field, FieldErrors errors)
    {
        var kept = new List<string>();
        for (var i = 0; i < (words?.Count ?? 0); i++)
        {
            var word = words![i]?.Trim();
            if (string.IsNullOrEmpty(word) || word.Length > 100)
            {
                errors.Add(Index(field, i), "1 to 100 characters.");
            }
            else if (!kept.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                kept.Add(word);
            }
        }

        return kept;
    }

    private static async Task<List<string>> ResolveAsync(
        IReadOnlyList<string>? given, Func<string, CancellationToken, Task<Resolved>> resolve, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var i = 0; i < (given?.Count ?? 0); i++)
        {
            if (await ResolveOneAsync(given![i], resolve, Index(field, i), errors, cancellationToken) is { } id && !ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static async Task<string?> ResolveOneAsync(
        string? given, Func<string, CancellationToken, Task<Resolved>> resolve, string field, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (given is null)
        {
            return null;
        }

        var resolved = await resolve(given, cancellationToken);
        if (resolved.Why is { } why)
        {
            errors.Add(field, why);
        }

        return resolved.Id;
    }

    private static string Index(string field, int index) => $"{field}[{index.ToString(CultureInfo.InvariantCulture)}]";

    private static string Expected<T>()
        where T : struct, Enum => string.Join(", ", SignalNames.WireNames<T>());
}
