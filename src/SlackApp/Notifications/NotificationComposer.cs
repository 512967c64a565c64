using System.Globalization;
using SlackApp.Signals;
using SlackApp.Slack.Blocks;
using SlackApp.Workflows;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>Builds the Block Kit message for a notification (and its acknowledged form). Pure.</summary>
public static class NotificationComposer
{
    public static Message Compose(NotificationContent content)
    {
        var signal = content.Signal;
        var blocks = new List<Block>();

        if (content.IsTest)
        {
            blocks.Add(Context(":test_tube: *Test notification* — a sample built from a made-up signal. Nothing real happened."));
        }

        blocks.Add(new SectionBlock { Text = UntrustedText.Markdown($"{Emoji(signal.Type)} {Headline(signal)}") });
        blocks.Add(new SectionBlock { Fields = PersonFields(signal.Person) });
        blocks.Add(new SectionBlock { Fields = AccountFields(signal.Account) });
        blocks.Add(Context(WhyLine(content)));

        if (content.UndeliveredNote is { } note)
        {
            blocks.Add(Context($":warning: {note}"));
        }

        if (Buttons(content) is { Count: > 0 } buttons)
        {
            blocks.Add(new ActionsBlock(buttons) { BlockId = NotificationActions.ActionsBlockId });
        }

        if (content.Acknowledgement is { } ack)
        {
            blocks.Add(Context($":white_check_mark: Acknowledged by <@{ack.UserId}> · {SlackDate(ack.At)}"));
        }

        return new Message(FallbackText(content), blocks);
    }

    /// <summary>"New executive at *Acme Corp*" and friends, with the signal's values made safe.</summary>
    public static string Headline(Signal signal)
    {
        var person = $"*{UntrustedText.Mrkdwn(signal.Person.FullName)}*";
        var account = $"*{UntrustedText.Mrkdwn(signal.Account.Name)}*";
        return signal.Type switch
        {
            SignalType.NewHire when IsExecutive(signal.Person) => $"New executive at {account}",
            SignalType.NewHire => $"New hire at {account}",
            SignalType.Promotion => $"Promotion at {account}",
            SignalType.JobChange => $"Past {RelationshipWord(signal.Person.Relationship)} {person} joined {account}",
            SignalType.ContactLeft => $"{person} left {account}",
            _ => $"Signal at {account}",
        };
    }

    public static string? SalesforceUrl(string? baseUrl, string? salesforceId) =>
        string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(salesforceId)
            ? null
            : $"{baseUrl.TrimEnd('/')}/lightning/r/Account/{Uri.EscapeDataString(salesforceId)}/view";

    private static string FallbackText(NotificationContent content)
    {
        var signal = content.Signal;
        // Plain text for notifications and screen readers: no mrkdwn marks, but still escaped.
        var headline = Headline(signal).Replace("*", string.Empty, StringComparison.Ordinal);
        var who = signal.Person.Title is { Length: > 0 } title ? $"{signal.Person.FullName}, {title}" : signal.Person.FullName;
        var prefix = content.IsTest ? "[Test] " : string.Empty;
        return UntrustedText.Truncate($"{prefix}{headline}: {Mrkdwn.Escape(who)}", 3000);
    }

    private static List<TextObject> PersonFields(SignalPerson person)
    {
        var name = UntrustedText.Mrkdwn(person.FullName);
        var fields = new List<TextObject>
        {
            PersonField(person.LinkedinUrl, name),
        };
        if (person.Title is { Length: > 0 } title)
        {
            fields.Add(Field("Title", UntrustedText.Mrkdwn(title)));
        }

        if (person.Seniority is { } seniority)
        {
            fields.Add(Field("Seniority", SignalNames.Label(seniority)));
        }

        if (person.Department is { Length: > 0 } department)
        {
            fields.Add(Field("Department", UntrustedText.Mrkdwn(department)));
        }

        var previous = (person.PreviousTitle, person.PreviousCompany) switch
        {
            ({ Length: > 0 } t, { Length: > 0 } c) => $"{UntrustedText.Mrkdwn(t)} at {UntrustedText.Mrkdwn(c)}",
            (null or "", { Length: > 0 } c) => UntrustedText.Mrkdwn(c),
            ({ Length: > 0 } t, null or "") => UntrustedText.Mrkdwn(t),
            _ => null,
        };
        if (previous is not null)
        {
            fields.Add(Field("Previously", previous));
        }

        return fields;
    }

    private static List<TextObject> AccountFields(SignalAccount account)
    {
        var fields = new List<TextObject> { Field("Account", UntrustedText.Mrkdwn(account.Name)) };
        if (account.Status is { } status)
        {
            fields.Add(Field("Status", SignalNames.Label(status)));
        }

        if (account.OwnerEmail is { Length: > 0 } owner)
        {
            fields.Add(Field("Owner", UntrustedText.Mrkdwn(owner)));
        }

        return fields;
    }

    private static string WhyLine(NotificationContent content)
    {
        var parts = content.Matches.Select(m =>
            $"*{UntrustedText.Mrkdwn(m.Workflow.Name)}* ({string.Join(" · ", m.Reasons.Select(UntrustedText.Mrkdwn))})");
        var label = content.Matches.Count == 1 ? "Workflow" : "Workflows";
        return $"{label}: {string.Join("; ", parts)}";
    }

    private static List<BlockElement> Buttons(NotificationContent content)
    {
        var buttons = new List<BlockElement>();
        if (content.Acknowledgement is null)
        {
            buttons.Add(new Button(new PlainText("Acknowledge"))
            {
                ActionId = NotificationActions.Acknowledge,
                Value = content.DeliveryId.ToString(CultureInfo.InvariantCulture),
                Style = ButtonStyle.Primary,
            });
        }

        if (SalesforceUrl(content.SalesforceBaseUrl, content.Signal.Account.SalesforceId) is { Length: <= BlockKitLimits.ButtonUrl } salesforce)
        {
            buttons.Add(new Button(new PlainText("Open in Salesforce")) { ActionId = NotificationActions.OpenInSalesforce, Url = salesforce, Value = content.DeliveryId.ToString(CultureInfo.InvariantCulture) });
        }

        if (LinkUrl(content.Signal.Person.LinkedinUrl) is { } linkedin)
        {
            buttons.Add(new Button(new PlainText("View LinkedIn")) { ActionId = NotificationActions.ViewLinkedin, Url = linkedin, Value = content.DeliveryId.ToString(CultureInfo.InvariantCulture) });
        }

        return buttons;
    }

    // The name links to LinkedIn only when the whole link fits the field: cut inside, <url|name> would break.
    private static MarkdownText PersonField(string? linkedinUrl, string name)
    {
        if (LinkUrl(linkedinUrl) is { } url && FieldText("Person", $"<{url}|{name}>") is { Length: <= BlockKitLimits.SectionFieldText } linked)
        {
            return new MarkdownText(linked);
        }

        return Field("Person", name);
    }

    private static MarkdownText Field(string label, string value) => UntrustedText.Markdown(FieldText(label, value), BlockKitLimits.SectionFieldText);

    private static string FieldText(string label, string value) => $"*{label}*\n{value}";

    // A LinkedIn URL we link to: https only, and within Block Kit's button limit (a too long one refuses the whole message).
    private static string? LinkUrl(string? url) => url is { Length: <= BlockKitLimits.ButtonUrl } && IsHttps(url) ? url : null;

    private static ContextBlock Context(string mrkdwn) => new([UntrustedText.Markdown(mrkdwn)]);

    // Slack renders the date in each reader's own time zone; the text after | is the fallback.
    private static string SlackDate(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}>";

    private static bool IsExecutive(SignalPerson person) => person.Seniority is >= Seniority.Director;

    private static bool IsHttps(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !url.Contains('|', StringComparison.Ordinal) && !url.Contains('>', StringComparison.Ordinal);

    private static string RelationshipWord(PersonRelationship? relationship) => relationship switch
    {
        PersonRelationship.Champion => "champion",
        PersonRelationship.Buyer => "buyer",
        PersonRelationship.User => "user",
        PersonRelationship.Prospect => "prospect",
        _ => "contact",
    };

    private static string Emoji(SignalType type) => type switch
    {
        SignalType.NewHire => ":wave:",
        SignalType.Promotion => ":arrow_up:",
        SignalType.JobChange => ":briefcase:",
        SignalType.ContactLeft => ":door:",
        _ => ":bell:",
    };
}
