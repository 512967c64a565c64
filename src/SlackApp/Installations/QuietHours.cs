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

        return ZonedTime.At(endDate, End, zone);
    }
}

/// <summary>Local times in a time zone as instants, across DST changes.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant <paramref name="date"/> at <paramref name="time"/> is in <paramref name="zone"/>. A time skipped by
    /// a DST change is moved past the gap; a time that happens twice is the first of the two.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offsets = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local) : [zone.GetUtcOffset(local)];
        var offset = offsets.Max();
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The zone of an IANA id (as Slack's <c>users.info</c> gives), or null when unknown here.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
