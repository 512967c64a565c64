using System.Security.Cryptography;
using System.Text;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>
/// Who a signal is about and what it says of them, as short keys for the duplicate window: the same subject key is
/// the same person at the same account, and the same fact key the same news about them (type, title, seniority).
/// </summary>
public static class NotificationSubject
{
    /// <summary>The person (email, else LinkedIn, else name) at the account (domain, else Salesforce id, else name).</summary>
    public static string SubjectKey(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var person = signal.Person;
        var account = signal.Account;
        var who = FirstOf(person.Email, LinkedinPath(person.LinkedinUrl), person.FullName);
        var where = FirstOf(account.Domain, account.SalesforceId, account.Name);
        return Hash($"person:{who}|account:{where}");
    }

    /// <summary>The account (domain, else Salesforce id, else name): what a person mutes with "don't show me this account again".</summary>
    public static string AccountKey(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var account = signal.Account;
        return Hash($"account:{FirstOf(account.Domain, account.SalesforceId, account.Name)}");
    }

    /// <summary>What the signal says of its person: a new title or seniority, or another kind of signal, is news.</summary>
    public static string FactKey(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var person = signal.Person;
        return Hash($"type:{SignalNames.Wire(signal.Type)}|title:{Normal(person.Title)}|seniority:{(person.Seniority is { } s ? SignalNames.Wire(s) : "")}");
    }

    private static string FirstOf(params string?[] candidates) =>
        candidates.Select(Normal).FirstOrDefault(c => c.Length > 0) ?? "";

    // linkedin.com/in/jane and https://www.linkedin.com/in/jane/ are one person.
    private static string? LinkedinPath(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') : url;

    private static string Normal(string? text) =>
        string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    // Hashed so the indexed column is short whatever the names, and holds no email in the clear.
    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
}
