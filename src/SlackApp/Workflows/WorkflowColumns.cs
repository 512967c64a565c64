using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlackApp.Workflows;

/// <summary>
/// How a workflow's lists are stored: JSON with the contract's wire names (<c>closed_lost</c>), so the
/// stored form survives renaming a C# enum member.
/// </summary>
internal static class WorkflowColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    // camelCase with nulls written: in delivery settings a null is a choice ("off"), not an absence.
    private static readonly JsonSerializerOptions DeliveryJson = new(JsonSerializerDefaults.Web);

    public static string SignalTypes(IEnumerable<SignalType> types) => string.Join(',', types.Distinct().Select(SignalNames.Wire));

    public static IReadOnlyList<SignalType> SignalTypes(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => SignalNames.TryParse(w, out SignalType t) ? t : (SignalType?)null).OfType<SignalType>().ToList();

    public static string Filters(WorkflowFilters filters) => JsonSerializer.Serialize(new StoredFilters
    {
        MinimumSeniority = filters.MinimumSeniority is { } s ? SignalNames.Wire(s) : null,
        AccountStatuses = filters.AccountStatuses.Select(SignalNames.Wire).ToList(),
        Departments = filters.Departments.ToList(),
        Relationships = filters.Relationships.Select(SignalNames.Wire).ToList(),
        TitleKeywords = filters.TitleKeywords.ToList(),
    }, Json);

    public static WorkflowFilters Filters(string stored)
    {
        var filters = JsonSerializer.Deserialize<StoredFilters>(stored, Json) ?? new StoredFilters();
        return new WorkflowFilters
        {
            MinimumSeniority = SignalNames.TryParse(filters.MinimumSeniority, out Seniority s) ? s : null,
            AccountStatuses = Parse<AccountStatus>(filters.AccountStatuses, SignalNames.TryParse),
            Departments = filters.Departments,
            Relationships = Parse<PersonRelationship>(filters.Relationships, SignalNames.TryParse),
            TitleKeywords = filters.TitleKeywords,
        };
    }

    public static string Recipients(WorkflowRecipients recipients) => JsonSerializer.Serialize(new StoredRecipients
    {
        ChannelIds = recipients.ChannelIds.ToList(),
        Roles = recipients.Roles.Select(SignalNames.Wire).ToList(),
        UserIds = recipients.UserIds.ToList(),
    }, Json);

    public static WorkflowRecipients Recipients(string stored)
    {
        var recipients = JsonSerializer.Deserialize<StoredRecipients>(stored, Json) ?? new StoredRecipients();
        return new WorkflowRecipients
        {
            ChannelIds = recipients.ChannelIds,
            Roles = Parse<AccountRole>(recipients.Roles, SignalNames.TryParse),
            UserIds = recipients.UserIds,
        };
    }

    /// <summary>
    /// <c>{"mode":"digest","digestEveryMinutes":60,"dailyAt":"09:00","duplicateWindowDays":7,"dailyCap":null,
    /// "escalateAfterHours":4,"escalateToUserId":"U…","escalateToChannelId":null}</c>.
    /// Nulls are written: a null window or cap means "off", while a missing key means "the default".
    /// </summary>
    public static string Delivery(WorkflowDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return JsonSerializer.Serialize(new StoredDelivery
        {
            Mode = DeliveryModeNames.Wire(delivery.Mode),
            DigestEveryMinutes = (int)delivery.DigestEvery.TotalMinutes,
            DailyAt = delivery.DailyAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            // Stored in whole days (the modal offers only days); a part day rounds up, never shortening the window.
            DuplicateWindowDays = delivery.DuplicateWindow is { } window ? (int)Math.Ceiling(window.TotalDays) : null,
            DailyCap = delivery.DailyCap,
            EscalateAfterHours = delivery.EscalateAfterHours,
            EscalateToUserId = delivery.EscalateToUserId,
            EscalateToChannelId = delivery.EscalateToChannelId,
        }, DeliveryJson);
    }

    /// <summary>
    /// The stored settings; NULL (a workflow saved before delivery settings existed) is the default. A value that
    /// cannot be understood (garbled JSON, a mode from a newer version, a number out of bounds) takes its default
    /// instead of failing: one bad row must not stop the workspace's workflows from being listed or matched, and the
    /// default (instant, 7-day window, no cap) never withholds a notification.
    /// </summary>
    public static WorkflowDelivery Delivery(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return WorkflowDelivery.Default;
        }

        StoredDelivery? read;
        try
        {
            read = JsonSerializer.Deserialize<StoredDelivery>(stored, DeliveryJson);
        }
        catch (JsonException)
        {
            return WorkflowDelivery.Default;
        }

        if (read is null)
        {
            return WorkflowDelivery.Default;
        }

        var defaults = WorkflowDelivery.Default;
        var digestEvery = read.DigestEveryMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : defaults.DigestEvery;
        return new WorkflowDelivery
        {
            Mode = DeliveryModeNames.TryParse(read.Mode, out var mode) ? mode : defaults.Mode,
            DigestEvery = digestEvery >= WorkflowDelivery.MinDigestEvery && digestEvery <= WorkflowDelivery.MaxDigestEvery ? digestEvery : defaults.DigestEvery,
            DailyAt = TimeOnly.TryParseExact(read.DailyAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : defaults.DailyAt,
            DuplicateWindow = read.DuplicateWindowDays switch
            {
                null => null,
                >= 1 and var days when TimeSpan.FromDays(days) <= WorkflowDelivery.MaxDuplicateWindow => TimeSpan.FromDays(days),
                _ => defaults.DuplicateWindow,
            },
            DailyCap = read.DailyCap is null or (>= 1 and <= WorkflowDelivery.MaxDailyCap) ? read.DailyCap : defaults.DailyCap,
            EscalateAfterHours = read.EscalateAfterHours is >= 1 and <= WorkflowDelivery.MaxEscalateAfterHours ? read.EscalateAfterHours : null,
            EscalateToUserId = SlackIdOrNull(read.EscalateToUserId),
            EscalateToChannelId = SlackIdOrNull(read.EscalateToChannelId),
        };
    }

    // A stored id is used as a DM or channel to post to: anything but a plain Slack id is dropped.
    private static string? SlackIdOrNull(string? id) => id is { Length: > 1 and <= 32 } && id.All(char.IsAsciiLetterOrDigit) ? id : null;

    private delegate bool TryParser<T>(string? wire, out T value);

    private static List<T> Parse<T>(IEnumerable<string> wires, TryParser<T> parse) =>
        wires.Select(w => parse(w, out var v) ? (true, v) : (false, default!)).Where(p => p.Item1).Select(p => p.Item2).ToList();

    private sealed record StoredFilters
    {
        public string? MinimumSeniority { get; init; }
        public List<string> AccountStatuses { get; init; } = [];
        public List<string> Departments { get; init; } = [];
        public List<string> Relationships { get; init; } = [];
        public List<string> TitleKeywords { get; init; } = [];
    }

    // Missing keys keep these defaults; an explicit null window or cap stays null ("off").
    private sealed record StoredDelivery
    {
        public string? Mode { get; init; } = DeliveryModeNames.Wire(DeliveryMode.Instant);
        public int? DigestEveryMinutes { get; init; } = (int)WorkflowDelivery.Default.DigestEvery.TotalMinutes;
        public string? DailyAt { get; init; } = "09:00";
        public int? DuplicateWindowDays { get; init; } = (int)WorkflowDelivery.Default.DuplicateWindow!.Value.TotalDays;
        public int? DailyCap { get; init; }
        public int? EscalateAfterHours { get; init; }
        public string? EscalateToUserId { get; init; }
        public string? EscalateToChannelId { get; init; }
    }

    private sealed record StoredRecipients
    {
        public List<string> ChannelIds { get; init; } = [];
        public List<string> Roles { get; init; } = [];
        public List<string> UserIds { get; init; } = [];
    }
}
