using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlackApp.Installations;

/// <summary>
/// How quiet hours are stored (<c>quiet_hours_json</c> of workspace and person settings):
/// <c>{"start":"22:00","end":"07:00","holdChannels":false}</c>, NULL when off. A person's has no
/// <c>holdChannels</c>. Whatever cannot be read back (garbled, a bad time, start equal to end) is off: a broken row
/// must never stop a DM, only fail to hold it.
/// </summary>
internal static class QuietHoursColumn
{
    private const string TimeFormat = "HH:mm";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The column's value; null when <paramref name="hours"/> is off. <paramref name="holdChannels"/> null is a person's.</summary>
    public static string? Write(QuietHours? hours, bool? holdChannels) =>
        hours is null || hours.Start == hours.End
            ? null
            : JsonSerializer.Serialize(new Stored(Format(hours.Start), Format(hours.End), holdChannels), Json);

    /// <summary>The quiet hours in <paramref name="stored"/>, and whether they hold channel posts too.</summary>
    public static (QuietHours? Hours, bool HoldChannels) Read(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return (null, false);
        }

        try
        {
            if (JsonSerializer.Deserialize<Stored>(stored, Json) is { } read && Parse(read.Start) is { } start && Parse(read.End) is { } end && start != end)
            {
                return (new QuietHours(start, end), read.HoldChannels ?? false);
            }
        }
        catch (JsonException)
        {
            // Garbled: off, as documented above.
        }

        return (null, false);
    }

    private static string Format(TimeOnly time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static TimeOnly? Parse(string? text) =>
        TimeOnly.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private sealed record Stored(string? Start, string? End, bool? HoldChannels);
}
