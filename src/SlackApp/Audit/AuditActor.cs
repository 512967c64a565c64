namespace SlackApp.Audit;

/// <summary>
/// Who made a change, as the audit log records it: a Slack user, or an admin API key (named) acting for the user who
/// created it.
/// </summary>
public sealed record AuditActor(string UserId, string? ApiKeyName = null)
{
    public static implicit operator AuditActor(string userId) => new(userId);

    /// <summary>A Slack user acting in Slack.</summary>
    public static AuditActor FromString(string userId) => new(userId);
}
