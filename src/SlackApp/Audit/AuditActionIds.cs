namespace SlackApp.Audit;

/// <summary>The action ids of the audit log's paging buttons; each carries the page number it shows.</summary>
public static class AuditActionIds
{
    public const string Newer = "audit.newer";
    public const string Older = "audit.older";
}
