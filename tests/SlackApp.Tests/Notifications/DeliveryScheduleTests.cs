using SlackApp.Installations;
using SlackApp.Notifications;
using SlackApp.Workflows;

namespace SlackApp.Tests.Notifications;

public sealed class DeliveryScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Instant_item_goes_now_and_is_not_held()
    {
        var release = DeliverySchedule.Decide(Noon, WorkflowDelivery.Default, RecipientClock.Utc, overDailyCap: false);

        Assert.Equal(new ItemRelease(Noon, null), release);
    }

    [Theory]
    [InlineData("12:00:00", "12:00:00")]
    [InlineData("12:00:01", "12:15:00")]
    [InlineData("12:14:59", "12:15:00")]
    public void Digest_items_of_one_window_meet_at_its_end(string arrival, string expected)
    {
        var delivery = new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromMinutes(15) };
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).Add(TimeSpan.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture));

        var release = DeliverySchedule.Decide(at, delivery, RecipientClock.Utc, overDailyCap: false);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).Add(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)), release.At);
        Assert.Equal(HoldReason.Digest, release.HeldReason);
    }

    [Fact]
    public void Daily_digest_goes_at_the_readers_time_of_day_in_their_zone()
    {
        var delivery = new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(9, 0) };

        // 12:00 UTC is 07:00 in New York: today's 09:00 there is still to come (14:00 UTC).
        var newYork = DeliverySchedule.Decide(Noon, delivery, new RecipientClock(NewYork), overDailyCap: false);
        // 12:00 UTC is 13:00 in Berlin: today's 09:00 has passed, so tomorrow's (08:00 UTC).
        var berlin = DeliverySchedule.Decide(Noon, delivery, new RecipientClock(Berlin), overDailyCap: false);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero), newYork.At);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), berlin.At);
    }

    [Fact]
    public void Daily_digest_across_spring_forward_keeps_the_local_time()
    {
        var delivery = new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(9, 0) };
        // Saturday 28 March 2026, 10:00 in Berlin (CET, +1); the clocks go forward that night.
        var saturday = new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero);

        var release = DeliverySchedule.Decide(saturday, delivery, new RecipientClock(Berlin), overDailyCap: false);

        // Sunday 09:00 CEST is 07:00 UTC, not 08:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), release.At);
    }

    [Fact]
    public void Item_beyond_the_daily_cap_goes_into_the_next_days_digest()
    {
        var delivery = WorkflowDelivery.Default with { DailyCap = 5, DailyAt = new TimeOnly(9, 0) };

        var release = DeliverySchedule.Decide(Noon, delivery, RecipientClock.Utc, overDailyCap: true);

        Assert.Equal(new ItemRelease(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), HoldReason.DailyCap), release);
    }

    [Fact]
    public void Quiet_hours_hold_an_instant_item_until_they_end()
    {
        var clock = new RecipientClock(Berlin, new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0)));

        var release = DeliverySchedule.Decide(Noon, WorkflowDelivery.Default, clock, overDailyCap: false);

        // 13:00 in Berlin is inside 12:00–14:00; the window ends at 13:00 UTC.
        Assert.Equal(new ItemRelease(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), HoldReason.QuietHours), release);
    }

    [Fact]
    public void Quiet_hours_push_a_digest_that_would_fall_inside_them()
    {
        var delivery = new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromHours(1) };
        var clock = new RecipientClock(TimeZoneInfo.Utc, new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)));

        var release = DeliverySchedule.Decide(new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.Zero), delivery, clock, overDailyCap: false);

        Assert.Equal(new ItemRelease(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero), HoldReason.QuietHours), release);
    }

    [Fact]
    public void Outside_quiet_hours_nothing_is_held()
    {
        var clock = new RecipientClock(TimeZoneInfo.Utc, new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0)));

        var release = DeliverySchedule.Decide(Noon, WorkflowDelivery.Default, clock, overDailyCap: false);

        Assert.False(release.IsHeld);
    }

    [Fact]
    public void The_day_for_the_cap_starts_at_local_midnight()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), DeliverySchedule.DayStart(Noon, Berlin));
    }

    [Fact]
    public void Every_time_it_returns_is_in_utc_so_the_database_compares_it_right()
    {
        var daily = new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(9, 0) };
        var quiet = new RecipientClock(Berlin, new QuietHours(new TimeOnly(11, 0), new TimeOnly(14, 0)));

        Assert.Equal(TimeSpan.Zero, DeliverySchedule.Decide(Noon, daily, new RecipientClock(Berlin), overDailyCap: false).At.Offset);
        Assert.Equal(TimeSpan.Zero, DeliverySchedule.Decide(Noon, WorkflowDelivery.Default, quiet, overDailyCap: false).At.Offset);
        Assert.Equal(TimeSpan.Zero, DeliverySchedule.Decide(Noon, daily, new RecipientClock(Berlin), overDailyCap: true).At.Offset);
        Assert.Equal(TimeSpan.Zero, DeliverySchedule.DayStart(Noon, Berlin).Offset);
    }
}
