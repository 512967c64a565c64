using SlackApp.SlackUx;

namespace SlackApp.Audit;

/// <summary>One change of a workspace's configuration: who, when, what, and before/after per changed field.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }

    public required string TeamId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The Slack user who made the change; null when the app did (e.g. a secret seeded from its configuration).</summary>
    public string? ActorUserId { get; init; }

    /// <summary>The name of the admin API key the change was made with (its creator is the actor); null for changes made in Slack.</summary>
    public string? ActorApiKey { get; init; }

    /// <summary>One of <see cref="AuditAction"/>.</summary>
    public required string Action { get; init; }

    /// <summary>One of <see cref="AuditSubject"/>.</summary>
    public required string SubjectKind { get; init; }

    /// <summary>e.g. the workflow's id.</summary>
    public string? SubjectId { get; init; }

    /// <summary>e.g. the workflow's name when the change was made (it may be renamed or deleted since).</summary>
    public string? SubjectName { get; init; }

    public IReadOnlyList<AuditChange> Changes { get; init; } = [];
}

/// <summary>
/// One field's value before and after a change, in the words people read ("Director+", "&lt;#C123&gt;"); null is
/// "had none" (before a creation, after a deletion). Values are plain text, escaped when shown.
/// </summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    /// <summary>Longer values are cut: the log says what changed, it is not a backup.</summary>
    public const int MaxValueLength = 200;

    /// <summary>A change with both values cut to <see cref="MaxValueLength"/>.</summary>
    public static AuditChange Of(string field, string? before, string? after) => new(field, Cap(before), Cap(after));

    /// <summary>
    /// The fields whose values differ between <paramref name="before"/> and <paramref name="after"/>, in
    /// <paramref name="after"/>'s order (then fields only <paramref name="before"/> has).
    /// </summary>
    public static IReadOnlyList<AuditChange> Between(IReadOnlyList<AuditField> before, IReadOnlyList<AuditField> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var changes = new List<AuditChange>();
        foreach (var field in after)
        {
            var was = old.GetValueOrDefault(field.Name);
            if (!string.Equals(was, field.Value, StringComparison.Ordinal))
            {
                changes.Add(Of(field.Name, was, field.Value));
            }
        }

        var names = after.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(before.Where(f => !names.Contains(f.Name) && f.Value is not null).Select(f => Of(f.Name, f.Value, null)));
        return changes;
    }

    /// <summary>Every field as set by a creation (nothing before).</summary>
    public static IReadOnlyList<AuditChange> Created(IReadOnlyList<AuditField> after) => Between([], after);

    /// <summary>Every field as it was before a deletion (nothing after).</summary>
    public static IReadOnlyList<AuditChange> Deleted(IReadOnlyList<AuditField> before) => Between(before, []);

    private static string? Cap(string? value) => value is null ? null : UntrustedText.Truncate(value, MaxValueLength);
}

/// <summary>A named field of something configured and its value in words, compared by <see cref="AuditChange.Between"/>.</summary>
public sealed record AuditField(string Name, string? Value);

/// <summary>One page of a workspace's audit log, newest first, and whether older entries follow.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, bool HasMore);
