namespace SlackApp.Notifications;

/// <summary>An item a recipient already has (or will have) about some subject: sent, waiting or held, not suppressed.</summary>
public sealed record EarlierItem(string SubjectKey, string FactKey, DateTimeOffset CreatedAt);

/// <summary>Whether an item repeats what its recipient heard within a workflow's duplicate window.</summary>
public static class DuplicateWindow
{
    /// <summary>
    /// A duplicate when the latest earlier item about the same subject, within <paramref name="window"/>, said the
    /// same fact. A changed fact is news, and so is a fact that changed back (A, B, then A again). Null window: off.
    /// </summary>
    public static bool IsDuplicate(DateTimeOffset now, TimeSpan? window, string subjectKey, string factKey, IEnumerable<EarlierItem> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (window is not { } span)
        {
            return false;
        }

        var latest = earlier
            .Where(e => e.SubjectKey == subjectKey && e.CreatedAt > now - span && e.CreatedAt <= now)
            .MaxBy(e => e.CreatedAt);
        return latest is not null && latest.FactKey == factKey;
    }
}
