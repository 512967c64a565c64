using System.Text.Json;
using SlackApp.Signals;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>A row of the notification outbox, with the signal it is about (its JSON as the source sent it).</summary>
public sealed record OutboxDelivery
{
    internal const string Columns =
        "d.id AS Id, d.team_id AS TeamId, d.signal_row_id AS SignalRowId, d.is_test AS IsTest, d.recipient_kind AS RecipientKindName, " +
        "d.recipient_id AS RecipientId, d.matches_json AS MatchesJson, d.note AS Note, COALESCE(d.sample_json, s.raw_json) AS SignalJson, " +
        "d.status AS Status, d.attempts AS Attempts, d.next_attempt_at AS NextAttemptAt, d.slack_channel AS SlackChannel, d.slack_ts AS SlackTs, " +
        "d.sent_at AS SentAt, d.last_error AS LastError, d.error_detail AS ErrorDetail, d.acknowledged_by AS AcknowledgedBy, " +
        "d.acknowledged_at AS AcknowledgedAt, d.people_json AS PeopleJson, d.created_at AS CreatedAt, d.updated_at AS UpdatedAt, " +
        "d.message_id AS MessageId, d.workflow_id AS WorkflowId, d.held_reason AS HeldReason, d.suppressed_reason AS SuppressedReason, " +
        "d.claimed_by AS ClaimedBy, d.claimed_at AS ClaimedAt, d.not_relevant_by AS NotRelevantBy, d.not_relevant_at AS NotRelevantAt, " +
        "d.not_relevant_reason AS NotRelevantReason, d.snoozed_by AS SnoozedBy, d.snoozed_until AS SnoozedUntil, d.unmatched_roles AS UnmatchedRoles, " +
        "d.escalated_at AS EscalatedAt, d.forwarded_to AS ForwardedTo, d.forwarded_by AS ForwardedBy, d.forwarded_at AS ForwardedAt, d.forward_reason AS ForwardReason, " +
        "s.trace_parent AS TraceParent";

    internal const string From = "notification_deliveries d LEFT JOIN signals s ON s.id = d.signal_row_id AND s.team_id = d.team_id";

    public long Id { get; init; }
    public string TeamId { get; init; } = string.Empty;
    public long? SignalRowId { get; init; }
    public bool IsTest { get; init; }
    public string RecipientKindName { get; init; } = string.Empty;
    public string RecipientId { get; init; } = string.Empty;
    public string MatchesJson { get; init; } = "[]";
    public string? Note { get; init; }
    public string? SignalJson { get; init; }
    public string Status { get; init; } = DeliveryStatus.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }
    public string? SlackChannel { get; init; }
    public string? SlackTs { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public string? LastError { get; init; }
    public string? ErrorDetail { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? PeopleJson { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The message that carries it, once one was put together (several items may share one).</summary>
    public long? MessageId { get; init; }

    /// <summary>The workflow whose delivery settings it follows.</summary>
    public long? WorkflowId { get; init; }

    /// <summary>Why it waited before going out (a <see cref="HoldReason"/>), kept once sent.</summary>
    public string? HeldReason { get; init; }

    /// <summary>Why it was not sent at all, when <see cref="Status"/> is suppressed.</summary>
    public string? SuppressedReason { get; init; }

    /// <summary>Who took the signal in a channel ("I'll handle this"), written on every copy of it.</summary>
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }

    /// <summary>Who said this item does not matter, when, and why (a <see cref="NotRelevantReasons"/> wire value and note).</summary>
    public string? NotRelevantBy { get; init; }
    public DateTimeOffset? NotRelevantAt { get; init; }
    public string? NotRelevantReason { get; init; }

    /// <summary>Who snoozed this copy and until when (a reminder item brings it back to them then).</summary>
    public string? SnoozedBy { get; init; }
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>When nobody had acknowledged or claimed the signal in its workflow's time and it was escalated.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>The roles (wire names, comma-separated) whose email Slack did not know, on a fallback copy.</summary>
    public string? UnmatchedRoles { get; init; }

    /// <summary>
    /// "Wrong owner": on the copy forwarded, to whom, by whom and when; on the DM it became, only who forwarded it
    /// and why (<see cref="ForwardedTo"/> empty).
    /// </summary>
    public string? ForwardedTo { get; init; }
    public string? ForwardedBy { get; init; }
    public DateTimeOffset? ForwardedAt { get; init; }
    public string? ForwardReason { get; init; }

    /// <summary>The W3C traceparent its signal was received in (read from the signal's row), so its send continues that trace.</summary>
    public string? TraceParent { get; init; }

    public RecipientKind RecipientKind => StoredMatches.ParseKind(RecipientKindName);

    /// <summary>
    /// The first email this fallback copy could not DM because Slack knew nobody by it, read from the stored signal
    /// (never from a button or a modal), or null.
    /// </summary>
    public string? UnmatchedEmail(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        foreach (var wire in (UnmatchedRoles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (SignalNames.TryParse(wire, out AccountRole role) && signal.Account.EmailOf(role) is { Length: > 0 } email)
            {
                return email.Trim();
            }
        }

        return null;
    }

    /// <summary>The signal notified about (a made-up one for a test), or null when its row is gone.</summary>
    public Signal? ReadSignal() => SignalJson is null ? null : SignalReader.ReadStored(SignalJson);

    /// <summary>The workflows that matched and why, as the planner stored them.</summary>
    public IReadOnlyList<WorkflowMatch> ReadMatches() => StoredMatches.Read(MatchesJson, TeamId);

    /// <summary>Everything the composer needs for this delivery, acknowledged or not.</summary>
    public NotificationContent? ToContent(string? salesforceBaseUrl) => ReadSignal() is { } signal
        ? new NotificationContent
        {
            Signal = signal,
            Matches = ReadMatches(),
            DeliveryId = Id,
            SalesforceBaseUrl = salesforceBaseUrl,
            UndeliveredNote = Note,
            UnmatchedOwnerEmail = IsTest ? null : UnmatchedEmail(signal),
            IsTest = IsTest,
            Acknowledgement = AcknowledgedBy is { } by && AcknowledgedAt is { } at ? new Acknowledgement(by, at) : null,
            Claim = ClaimedBy is { } claimer && ClaimedAt is { } claimedAt ? new ItemClaim(claimer, claimedAt) : null,
            Snooze = SnoozedBy is { } snoozer && SnoozedUntil is { } until ? new SnoozeMark(snoozer, until) : null,
            NotRelevant = NotRelevantBy is { } dismisser && NotRelevantAt is { } dismissedAt ? new NotRelevantMark(dismisser, dismissedAt, NotRelevantReason) : null,
            People = AccountPeople.FromJson(PeopleJson),
            ReaderUserId = RecipientKind is RecipientKind.User or RecipientKind.Reminder ? RecipientId : null,
            IsReminder = RecipientKind == RecipientKind.Reminder,
            EscalatedAt = EscalatedAt,
            Forwarded = ForwardedTo is { } to && ForwardedBy is { } forwarder && ForwardedAt is { } forwardedAt ? new ForwardMark(to, forwarder, forwardedAt) : null,
            ForwardedFrom = ForwardedTo is null && ForwardedBy is { } sender ? new ForwardNote(sender, ForwardReason) : null,
        }
        : null;
}

/// <summary>The outbox's JSON form of the matched workflows: id, name and reasons, enough to say why.</summary>
internal static class StoredMatches
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<WorkflowMatch> matches) =>
        JsonSerializer.Serialize(matches.Select(m => new Stored(m.Workflow.Id, m.Workflow.Name, m.Reasons)).ToList(), Json);

    public static IReadOnlyList<WorkflowMatch> Read(string json, string teamId) =>
        (JsonSerializer.Deserialize<List<Stored>>(json, Json) ?? [])
            .Select(s => new WorkflowMatch(
                new Workflow { Id = s.Id, TeamId = teamId, Name = s.Name, SignalTypes = [], Recipients = new WorkflowRecipients() },
                s.Reasons))
            .ToList();

    public static string KindName(RecipientKind kind) => kind switch
    {
        RecipientKind.Channel => "channel",
        RecipientKind.User => "user",
        RecipientKind.Reminder => "reminder",
        _ => "role",
    };

    public static RecipientKind ParseKind(string name) => name switch
    {
        "channel" => RecipientKind.Channel,
        "user" => RecipientKind.User,
        "reminder" => RecipientKind.Reminder,
        _ => RecipientKind.Role,
    };

    private sealed record Stored(long Id, string Name, IReadOnlyList<string> Reasons);
}
