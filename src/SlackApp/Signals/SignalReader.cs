using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SlackApp.Workflows;

namespace SlackApp.Signals;

/// <summary>
/// Reads one signal object of the contract (SIGNALS.md) into a <see cref="Signal"/>, naming every
/// invalid field by its JSON path (<c>signals[3].person.full_name</c>). Unknown fields are ignored;
/// an optional field that is null or an empty string counts as absent.
/// </summary>
public static partial class SignalReader
{
    public const int MaxIdLength = 128;

    private const int MaxEmailLength = 254;

    /// <summary>
    /// The signal in <paramref name="element"/>, or null when it is invalid; each problem is added to
    /// <paramref name="errors"/> under its path, prefixed by <paramref name="path"/> (empty for a lone signal).
    /// </summary>
    public static Signal? Read(JsonElement element, string path, IDictionary<string, string[]> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Fail(errors, path.Length == 0 ? "$" : path, "Must be a signal object.");
            return null;
        }

        var before = errors.Count;
        var id = Id(element, path, errors);
        var type = Choice<SignalType>(element, path, "type", required: true, SignalNames.TryParse, errors);
        var occurredAt = OccurredAt(element, path, errors);
        var person = Person(element, path, errors);
        var account = Account(element, path, errors);

        if (errors.Count != before || id is null || type is null || occurredAt is null || person is null || account is null)
        {
            return null;
        }

        return new Signal { Id = id, Type = type.Value, OccurredAt = occurredAt.Value, Person = person, Account = account };
    }

    /// <summary>A signal the intake stored (already valid); throws <see cref="InvalidDataException"/> when it no longer reads.</summary>
    public static Signal ReadStored(string rawJson)
    {
        using var document = JsonDocument.Parse(rawJson);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        return Read(document.RootElement, string.Empty, errors)
            ?? throw new InvalidDataException("The stored signal is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")));
    }

    private static string? Id(JsonElement signal, string path, IDictionary<string, string[]> errors)
    {
        var field = Join(path, "id");
        if (!signal.TryGetProperty("id", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Fail(errors, field, "Required.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(errors, field, "Must be a string.");
            return null;
        }

        var id = value.GetString()!;
        if (id.Length is 0 or > MaxIdLength)
        {
            Fail(errors, field, $"Must be 1 to {MaxIdLength} characters.");
            return null;
        }

        return id;
    }

    private static DateTimeOffset? OccurredAt(JsonElement signal, string path, IDictionary<string, string[]> errors)
    {
        var field = Join(path, "occurred_at");
        var text = Text(signal, path, "occurred_at", required: true, errors);
        if (text is null)
        {
            return null;
        }

        // The offset is required: a time without one means nothing to a reader in another zone.
        if (!IsoDateTimeWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var occurredAt))
        {
            Fail(errors, field, "Must be an ISO-8601 date and time with an offset, e.g. 2026-11-20T15:04:05Z.");
            return null;
        }

        return occurredAt;
    }

    private static SignalPerson? Person(JsonElement signal, string path, IDictionary<string, string[]> errors)
    {
        var person = Object(signal, path, "person", errors);
        if (person is not { } p)
        {
            return null;
        }

        var at = Join(path, "person");
        var fullName = Text(p, at, "full_name", required: true, errors);
        var title = Text(p, at, "title", required: false, errors);
        var seniority = Choice<Seniority>(p, at, "seniority", required: false, SignalNames.TryParse, errors);
        var department = Text(p, at, "department", required: false, errors);
        var email = Email(p, at, "email", errors);
        var linkedinUrl = Text(p, at, "linkedin_url", required: false, errors);
        if (linkedinUrl is not null && !IsHttpsUrl(linkedinUrl))
        {
            Fail(errors, Join(at, "linkedin_url"), "Must be an absolute https URL.");
        }

        var previousCompany = Text(p, at, "previous_company", required: false, errors);
        var previousTitle = Text(p, at, "previous_title", required: false, errors);
        var relationship = Choice<PersonRelationship>(p, at, "relationship", required: false, SignalNames.TryParse, errors);

        return fullName is null ? null : new SignalPerson
        {
            FullName = fullName,
            Title = title,
            Seniority = seniority,
            Department = department,
            Email = email,
            LinkedinUrl = linkedinUrl,
            PreviousCompany = previousCompany,
            PreviousTitle = previousTitle,
            Relationship = relationship,
        };
    }

    private static SignalAccount? Account(JsonElement signal, string path, IDictionary<string, string[]> errors)
    {
        var account = Object(signal, path, "account", errors);
        if (account is not { } a)
        {
            return null;
        }

        var at = Join(path, "account");
        var name = Text(a, at, "name", required: true, errors);
        var domain = Text(a, at, "domain", required: false, errors);
        var salesforceId = Text(a, at, "salesforce_id", required: false, errors);
        // Letters and digits only: the id becomes part of the "Open in Salesforce" URL path.
        if (salesforceId is not null && (salesforceId.Length is not (15 or 18) || !salesforceId.All(char.IsAsciiLetterOrDigit)))
        {
            Fail(errors, Join(at, "salesforce_id"), "Must be a Salesforce id of 15 or 18 letters and digits.");
        }

        var status = Choice<AccountStatus>(a, at, "status", required: false, SignalNames.TryParse, errors);
        var ownerEmail = Email(a, at, "owner_email", errors);
        var csmEmail = Email(a, at, "csm_email", errors);
        var sdrEmail = Email(a, at, "sdr_email", errors);

        return name is null ? null : new SignalAccount
        {
            Name = name,
            Domain = domain,
            SalesforceId = salesforceId,
            Status = status,
            OwnerEmail = ownerEmail,
            CsmEmail = csmEmail,
            SdrEmail = sdrEmail,
        };
    }

    private static JsonElement? Object(JsonElement parent, string path, string name, IDictionary<string, string[]> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Fail(errors, Join(path, name), "Required.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(errors, Join(path, name), "Must be an object.");
            return null;
        }

        return value;
    }

    private static string? Text(JsonElement parent, string path, string name, bool required, IDictionary<string, string[]> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(errors, Join(path, name), "Required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail(errors, Join(path, name), "Must be a string.");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Fail(errors, Join(path, name), "Required.");
            }

            return null;
        }

        return text;
    }

    private static string? Email(JsonElement parent, string path, string name, IDictionary<string, string[]> errors)
    {
        var email = Text(parent, path, name, required: false, errors);
        if (email is not null && (email.Length > MaxEmailLength || !PlausibleEmail().IsMatch(email)))
        {
            Fail(errors, Join(path, name), "Must be an email address.");
            return null;
        }

        return email;
    }

    private delegate bool TryParser<T>(string? wire, out T value);

    private static T? Choice<T>(JsonElement parent, string path, string name, bool required, TryParser<T> parse, IDictionary<string, string[]> errors)
        where T : struct, Enum
    {
        var hasValue = parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            && !(value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);
        if (!hasValue)
        {
            if (required)
            {
                Fail(errors, Join(path, name), "Required.");
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String && parse(value.GetString(), out var parsed))
        {
            return parsed;
        }

        Fail(errors, Join(path, name), $"Must be one of: {string.Join(", ", SignalNames.WireNames<T>())}.");
        return null;
    }

    private static bool IsHttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void Fail(IDictionary<string, string[]> errors, string field, string message) => errors.TryAdd(field, [message]);

    // Extended ISO-8601 date and time, seconds and fractions optional, ending in Z or an offset.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}([.,]\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IsoDateTimeWithOffset();

    // Plausible, not RFC 5322: one @, no spaces, a dotted domain.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PlausibleEmail();
}
