namespace SlackApp.Installations;

/// <summary>
/// Which addresses a workspace may give as its Salesforce base URL, the start of every "Open in Salesforce" link the
/// app posts: https on Salesforce's own domains only, so nobody with the Settings can turn those links into a
/// phishing site. Salesforce serves an org under <c>*.my.salesforce.com</c> (production and Developer Edition, e.g.
/// <c>acme.my.salesforce.com</c>, <c>acme-dev-ed.develop.my.salesforce.com</c>), sandboxes under
/// <c>*.sandbox.my.salesforce.com</c>, Lightning pages under <c>*.lightning.force.com</c> (also
/// <c>*.sandbox.lightning.force.com</c>), and older instance URLs such as <c>na1.salesforce.com</c>: every one is a
/// subdomain of <c>salesforce.com</c> or <c>force.com</c>. Other hosts only when the operator allows them
/// (<see cref="SalesforceOptions.AllowedHosts"/>).
/// </summary>
public static class SalesforceBaseUrl
{
    /// <summary>The domains Salesforce serves orgs under; a base URL's host must be a subdomain of one.</summary>
    public static IReadOnlyList<string> SalesforceDomains { get; } = ["salesforce.com", "force.com"];

    public const string NotHttps = "Enter an https:// address, e.g. https://acme.my.salesforce.com or https://acme.lightning.force.com";

    /// <summary>
    /// The URL as it is stored (no trailing slash), or null when <paramref name="text"/> is empty; or why it is
    /// refused, in words for the person who typed it.
    /// </summary>
    public static SalesforceBaseUrlCheck Check(string? text, IReadOnlyCollection<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return new SalesforceBaseUrlCheck(null, null);
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(uri.Host)
            || !uri.IsDefaultPort
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return new SalesforceBaseUrlCheck(null, NotHttps);
        }

        // IdnHost: a look-alike written in other scripts is compared in its punycode form, never as its look.
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (!IsSalesforceHost(host) && !IsAllowed(host, allowedHosts))
        {
            return new SalesforceBaseUrlCheck(null,
                $"{host} is not a Salesforce address. Enter your org's own, e.g. https://acme.my.salesforce.com, https://acme.lightning.force.com or a sandbox's https://acme--uat.sandbox.my.salesforce.com.");
        }

        return new SalesforceBaseUrlCheck(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), null);
    }

    /// <summary>A subdomain of <c>salesforce.com</c> or <c>force.com</c> (not the bare domain, which serves no org).</summary>
    public static bool IsSalesforceHost(string host) =>
        SalesforceDomains.Any(domain => host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));

    // "crm.example.com" allows that host; "*.example.com" any host under example.com.
    private static bool IsAllowed(string host, IReadOnlyCollection<string> allowedHosts) =>
        allowedHosts.Select(a => a.Trim().TrimEnd('.').ToLowerInvariant()).Where(a => a.Length > 0).Any(allowed =>
            allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.Ordinal)
                : string.Equals(host, allowed, StringComparison.Ordinal));
}

/// <summary>What <see cref="SalesforceBaseUrl.Check"/> made of a typed URL: the URL to store (null: none), or the problem.</summary>
public sealed record SalesforceBaseUrlCheck(string? Url, string? Problem)
{
    public bool IsValid => Problem is null;
}
