namespace SlackApp.Installations;

/// <summary>The <c>Salesforce</c> configuration section.</summary>
public sealed class SalesforceOptions
{
    public const string SectionName = "Salesforce";

    /// <summary>Single-workspace mode only: seeds that workspace's Salesforce base URL (checked as the Settings modal checks it).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Hosts besides Salesforce's own (<c>*.salesforce.com</c>, <c>*.force.com</c>) that a workspace may give as its
    /// Salesforce base URL, for an org truly served elsewhere: <c>crm.example.com</c>, or <c>*.example.com</c> for
    /// any host under it. Empty by default, so a manager cannot point "Open in Salesforce" at any site.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];
}
