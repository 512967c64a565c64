using SlackApp.Installations;
using SlackApp.Workflows;

namespace SlackApp.Notifications;

/// <summary>A recipient's clock: the time zone their day and daily digests follow, and the quiet hours that hold their items.</summary>
public sealed record RecipientClock(TimeZoneInfo Zone, QuietHours? QuietHours = null)
{
    public static RecipientClock Utc { get; } = new(TimeZoneInfo.Utc);
}

/// <summary>When an item goes out, and why it waits (a <see cref="HoldReason"/>), or null reason for "now".</summary>
public sealed record ItemRelease(DateTimeOffset At, string? HeldReason)
{
    public bool IsHeld => HeldReason is not null;
}

/// <summary>
/// When an item planned now goes out, from its workflow's delivery mode, the daily cap, and its reader's quiet
/// hours. Pure, so the planner and the preview agree on it. Every time it returns is in UTC: SQLite stores a
/// <see cref="DateTimeOffset"/> as text with its offset and compares text, so 13:00+01:00 would sort after 12:30+00:00.
/// </summary>
public static class DeliverySchedule
{
    /// <summary>
    /// Instant items go now; digest items at the next boundary of the interval (counted from the Unix epoch, so
    /// every item of one window meets in one message); daily digest items at the next <c>DailyAt</c> in the
    /// reader's zone. An item beyond the daily cap goes into the next day's digest. Quiet hours then push a
    /// release that falls inside them to their end.
    /// </summary>
    public static ItemRelease Decide(DateTimeOffset now, WorkflowDelivery delivery, RecipientClock clock, bool overDailyCap)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(clock);
        var release = overDailyCap
            ? new ItemRelease(NextDayAt(now, delivery.DailyAt, clock.Zone), HoldReason.DailyCap)
            : delivery.Mode switch
            {
                DeliveryMode.Digest => new ItemRelease(NextBoundary(now, delivery.DigestEvery), HoldReason.Digest),
                DeliveryMode.DailyDigest => new ItemRelease(NextAt(now, delivery.DailyAt, clock.Zone), HoldReason.Digest),
                _ => new ItemRelease(now, null),
            };

        if (clock.QuietHours?.ReleaseAt(release.At, clock.Zone) is { } quietEnd)
        {
            // Said as quiet hours: that is what the reader would ask about ("why did this come at 7?").
            return new ItemRelease(quietEnd.ToUniversalTime(), HoldReason.QuietHours);
        }

        return release;
    }

    /// <summary>The first instant of the local day <paramref name="now"/> is in: the daily cap counts from it.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ZonedTime.At(LocalDate(now, zone), TimeOnly.MinValue, zone).ToUniversalTime();
    }

    /// <summary>The next multiple of <paramref name="every"/> since the Unix epoch, at or after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextBoundary(DateTimeOffset now, TimeSpan every)
    {
        if (every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "A digest interval is positive.");
        }

        var sinceEpoch = (now - DateTimeOffset.UnixEpoch).Ticks;
        var windows = (sinceEpoch + every.Ticks - 1) / every.Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(windows * every.Ticks);
    }

    /// <summary>Today's <paramref name="time"/> in <paramref name="zone"/> if it is still to come (or now), else tomorrow's.</summary>
    public static DateTimeOffset NextAt(DateTimeOffset now, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = ZonedTime.At(LocalDate(now, zone), time, zone).ToUniversalTime();
        return today >= now ? today : NextDayAt(now, time, zone);
    }

    /// <summary>Tomorrow's <paramref name="time"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset NextDayAt(DateTimeOffset now, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ZonedTime.At(LocalDate(now, zone).AddDays(1), time, zone).ToUniversalTime();
    }

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
