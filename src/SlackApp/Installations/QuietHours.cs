using System.Text.RegularExpressions;

namespace SlackApp.Installations;

/// <summary>
/// A daily window, in some time zone, when DMs are held: from <see cref="Start"/> to <see cref="End"/>, which may
/// cross midnight (22:00–07:00). Start equal to End is no window.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    /// <summary>
    /// When the window containing <paramref name="at"/> ends, in <paramref name="zone"/>; null when
    /// <paramref name="at"/> is outside it. An end that falls in a DST gap is taken as the first instant after it.
    /// </summary>
    public DateTimeOffset? ReleaseAt(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Start == End)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var crossesMidnight = Start > End;
        var inside = crossesMidnight ? time >= Start || time < End : time >= Start && time < End;
        if (!inside)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (crossesMidnight && time >= Start)
        {
            endDate = endDate.AddDays(1);
        }

        var end = ZonedTime.At(endDate, End, zone);
        // In the hour a fall-back repeats, `at` may be on the second pass while the end's first pass is already
        // behind it: the window then ends at the end's second pass, never in the past.
        return end > at ? end : ZonedTime.Later(endDate, End, zone);
    }
}

/// <summary>Local times in a time zone as instants, across DST changes.</summary>
public static partial class ZonedTime
{
    /// <summary>The longest id stored (the <c>time_zone</c> column's width).</summary>
    public const int MaxIdLength = 64;

    // UTC offsets lie within -12 h and +14 h, so the instant a local time is lies within 15 h of it read as UTC.
    private static readonly long SearchTicks = TimeSpan.FromHours(15).Ticks;

    /// <summary>
    /// The instant <paramref name="date"/> at <paramref name="time"/> is in <paramref name="zone"/>. A time skipped by
    /// a DST change is the first instant after the gap (02:30 in a 02:00–03:00 gap is 03:00); a time that happens
    /// twice is the first of the two.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return EndOfGap(local, zone);
        }

        // Clocks go back in a fall-back, so the first pass is the one with the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Like <see cref="At"/>, but the second of the two instants when the time happens twice.</summary>
    public static DateTimeOffset Later(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return zone.IsAmbiguousTime(local) ? new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Min()) : At(date, time, zone);
    }

    /// <summary>
    /// The zone of an IANA id (as Slack's <c>users.info</c> gives, or a person typed: <c>europe/berlin</c> finds
    /// <c>Europe/Berlin</c>), or null when unknown here. Its <see cref="TimeZoneInfo.Id"/> is the id to store.
    /// </summary>
    public static TimeZoneInfo? Find(string? id)
    {
        var trimmed = id?.Trim();
        // Only the shape of an IANA id: the lookup reads files named after it, so no paths, and no Windows names.
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxIdLength || !IanaId().IsMatch(trimmed))
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IanaId();

    // The instant the clocks jumped over `local`: the first whose wall-clock time is at or after it. Found by
    // bisection, exact to the tick, as the length and start of a gap vary by zone (30 min on Lord Howe, a whole
    // day on Samoa in 2011).
    private static DateTimeOffset EndOfGap(DateTime local, TimeZoneInfo zone)
    {
        var before = local.Ticks - SearchTicks;
        var after = local.Ticks + SearchTicks;
        while (after - before > 1)
        {
            var middle = before + ((after - before) / 2);
            if (TimeZoneInfo.ConvertTime(new DateTimeOffset(middle, TimeSpan.Zero), zone).DateTime >= local)
            {
                after = middle;
            }
            else
            {
                before = middle;
            }
        }

        return TimeZoneInfo.ConvertTime(new DateTimeOffset(after, TimeSpan.Zero), zone);
    }
}
