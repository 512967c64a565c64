using System.Globalization;
using System.Text.RegularExpressions;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;

namespace SlackApp.Audit;

/// <summary>
/// Draws the audit log, without I/O: the Home tab's "Recent changes" (two blocks) and the pages of
/// <c>/usergems audit</c>. Stored values are plain text and escaped here; only channel and user ids come back as
/// Slack's references.
/// </summary>
public static partial class AuditComposer
{
    /// <summary>Entries the Home tab shows.</summary>
    public const int HomeCount = 5;

    /// <summary>Blocks <see cref="HomeSection"/> returns (a header and one section), counted in the Home tab's budget.</summary>
    public const int HomeBlockCount = 2;

    /// <summary>Entries per page of <c>/usergems audit</c>: one section each, well within a message's 50 blocks.</summary>
    public const int PageSize = 20;

    private const int SectionBudget = 2900;
    private const int HomeLineBudget = 520;
    private const int ValueShown = 150;

    /// <summary>The Home tab's section for admins: the latest entries, one line each, and where to see more.</summary>
    public static IReadOnlyList<Block> HomeSection(IReadOnlyList<AuditEntry> latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var lines = latest.Take(HomeCount).Select(e => Clip(Head(e) + FieldNames(e), HomeLineBudget)).ToList();
        lines.Add(lines.Count == 0
            ? "No changes recorded yet. Workflows, settings, managers and secret rotations are recorded here as they change."
            : "`/usergems audit` shows every change with its before and after.");
        return
        [
            new HeaderBlock(new PlainText("Recent changes (admins only)")),
            new SectionBlock { BlockId = "home.audit", Text = UntrustedText.Markdown(string.Join('\n', lines)) },
        ];
    }

    /// <summary>Page <paramref name="number"/> (1 is the newest) of the log, with "Newer" and "Older" buttons.</summary>
    public static Message Page(AuditPage page, int number)
    {
        ArgumentNullException.ThrowIfNull(page);
        var first = ((number - 1) * PageSize) + 1;
        var blocks = new List<Block>();
        if (page.Entries.Count == 0)
        {
            blocks.Add(Section(number == 1
                ? "*Audit log*\nNo changes recorded yet. Changes to workflows, settings, workflow managers and the signal secret appear here."
                : $"*Audit log*\nPage {Number(number)} is past the oldest change."));
        }
        else
        {
            var last = first + page.Entries.Count - 1;
            blocks.Add(Section($"*Audit log* · changes {Number(first)}–{Number(last)}, newest first"));
            blocks.AddRange(page.Entries.Select(e => Section(Full(e))));
        }

        var buttons = new List<BlockElement>();
        if (number > 1)
        {
            buttons.Add(new Button(new PlainText("Newer")) { ActionId = AuditActionIds.Newer, Value = IdValue.Write(number - 1) });
        }

        if (page.HasMore)
        {
            buttons.Add(new Button(new PlainText("Older")) { ActionId = AuditActionIds.Older, Value = IdValue.Write(number + 1) });
        }

        if (buttons.Count > 0)
        {
            blocks.Add(new ActionsBlock(buttons) { BlockId = "audit.paging" });
        }

        return new Message($"Audit log, page {Number(number)}", blocks);
    }

    /// <summary>One entry with each changed field's before and after, within one section's text.</summary>
    public static string Full(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = Head(entry);
        var shown = 0;
        foreach (var change in entry.Changes)
        {
            var line = "\n• " + Change(change);
            if (text.Length + line.Length > SectionBudget - 40)
            {
                break;
            }

            text += line;
            shown++;
        }

        if (shown < entry.Changes.Count)
        {
            text += $"\n• …and {Number(entry.Changes.Count - shown)} more";
        }

        return text;
    }

    /// <summary>"Name: Old → New"; "Name: New" when created, "Name: was Old" when deleted.</summary>
    public static string Change(AuditChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var field = UntrustedText.MrkdwnClipped(change.Field, 40);
        return (change.Before, change.After) switch
        {
            (null, { } after) => $"{field}: {Value(after)}",
            ({ } before, null) => $"{field}: was {Value(before)}",
            _ => $"{field}: {Value(change.Before)} → {Value(change.After)}",
        };
    }

    // "<date> · <@U1> edited the workflow *Execs* (#12)"
    private static string Head(AuditEntry entry)
    {
        var actor = entry.ActorUserId is { } user && SlackId(user) is { Length: > 0 } id ? $"<@{id}>" : "The app (its configuration)";
        if (entry.ActorApiKey is { } key)
        {
            // Made through the admin API: the key did it, on behalf of the person who created the key.
            actor = $"API key \"{UntrustedText.MrkdwnClipped(key, 40)}\" (created by {actor})";
        }

        var subject = entry.SubjectKind switch
        {
            AuditSubject.Workflow => $" *{UntrustedText.MrkdwnClipped(entry.SubjectName ?? "?", 60)}*{(entry.SubjectId is { } sid ? $" (#{UntrustedText.MrkdwnClipped(sid, 20)})" : string.Empty)}",
            AuditSubject.ApiKey => $" *{UntrustedText.MrkdwnClipped(entry.SubjectName ?? "?", 60)}*",
            _ => string.Empty,
        };
        return $"{Date(entry.At)} · {actor} {AuditAction.Verb(entry.Action)}{subject}";
    }

    // Edits say which fields; the other actions say it all in their verb.
    private static string FieldNames(AuditEntry entry) =>
        entry.Action is AuditAction.WorkflowEdited or AuditAction.SettingsSaved or AuditAction.ManagersSet && entry.Changes.Count > 0
            ? ": " + string.Join(", ", entry.Changes.Select(c => UntrustedText.MrkdwnClipped(c.Field, 40)))
            : string.Empty;

    private static string Value(string? value) =>
        value is null ? "—" : SlackReference().Replace(UntrustedText.MrkdwnClipped(value, ValueShown), "<$1$2>");

    // A line cut inside a reference or an entity would show broken text: cut at the last whole word instead.
    private static string Clip(string line, int max)
    {
        if (line.Length <= max)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', max - 2);
        return string.Concat(line.AsSpan(0, cut > 0 ? cut : max - 1), "…");
    }

    private static SectionBlock Section(string mrkdwn) => new() { Text = UntrustedText.Markdown(mrkdwn) };

    // Ids are stored by the app, but a stored one must never become a mention of something else.
    private static string SlackId(string id) => new([.. id.Where(char.IsAsciiLetterOrDigit).Take(32)]);

    // Slack renders it in the reader's own zone; the fallback is UTC.
    private static string Date(DateTimeOffset at) => SlackDate.DateAndTime(at);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    // A channel or user reference as escaped by UntrustedText ("&lt;#C123&gt;"): the one markup values may carry.
    [GeneratedRegex("&lt;([#@])([A-Z0-9]{1,32})&gt;", RegexOptions.CultureInvariant)]
    private static partial Regex SlackReference();
}
