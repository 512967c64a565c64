using SlackApp.Installations;

namespace SlackApp.Tests.Installations;

/// <summary>
/// Quiet hours in a time zone, across midnight and DST changes: in 2026 Berlin springs forward on 29 March
/// (02:00 CET becomes 03:00 CEST) and falls back on 25 October (03:00 CEST becomes 02:00 CET); New York springs
/// forward on 8 March and falls back on 1 November.
/// </summary>
public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo Berlin = ZonedTime.Find("Europe/Berlin")!;
    private static readonly TimeZoneInfo NewYork = ZonedTime.Find("America/New_York")!;
    private static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    [Fact]
    public void A_time_inside_a_window_crossing_midnight_is_released_the_next_morning()
    {
        var at = Utc(2026, 1, 14, 21, 30); // 22:30 CET

        Assert.Equal(Local(2026, 1, 15, 7, 0, 1), Night.ReleaseAt(at, Berlin));
    }

    [Fact]
    public void A_time_after_midnight_inside_the_window_is_released_the_same_morning()
    {
        var at = Utc(2026, 1, 15, 2, 0); // 03:00 CET

        Assert.Equal(Local(2026, 1, 15, 7, 0, 1), Night.ReleaseAt(at, Berlin));
    }

    [Theory]
    [InlineData(21, 0, true)] // 22:00 CET: the start belongs to the window
    [InlineData(20, 59, false)] // 21:59 CET
    [InlineData(6, 0, false)] // 07:00 CET: the end does not
    [InlineData(5, 59, true)] // 06:59 CET
    [InlineData(12, 0, false)] // 13:00 CET
    public void The_start_is_inside_the_window_and_the_end_is_not(int utcHour, int utcMinute, bool held)
    {
        var at = Utc(2026, 1, 15, utcHour, utcMinute);

        Assert.Equal(held, Night.ReleaseAt(at, Berlin) is not null);
    }

    [Fact]
    public void A_window_within_one_day_holds_only_between_its_times()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 30));

        Assert.Equal(Local(2026, 1, 15, 13, 30, 1), lunch.ReleaseAt(Utc(2026, 1, 15, 11, 15), Berlin));
        Assert.Null(lunch.ReleaseAt(Utc(2026, 1, 15, 21, 0), Berlin));
        Assert.Null(lunch.ReleaseAt(Utc(2026, 1, 15, 10, 59), Berlin));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(22, 0)]
    [InlineData(7, 30)]
    public void Start_equal_to_end_is_no_window(int hour, int minute)
    {
        var none = new QuietHours(new TimeOnly(hour, minute), new TimeOnly(hour, minute));

        for (var at = Utc(2026, 1, 15, 0, 0); at < Utc(2026, 1, 16, 0, 0); at = at.AddMinutes(15))
        {
            Assert.Null(none.ReleaseAt(at, Berlin));
        }
    }

    [Fact]
    public void An_end_in_the_spring_forward_gap_releases_when_the_clocks_jump()
    {
        var early = new QuietHours(new TimeOnly(0, 0), new TimeOnly(2, 30));
        var at = Utc(2026, 3, 29, 0, 30); // 01:30 CET

        var release = early.ReleaseAt(at, Berlin);

        Assert.Equal(Local(2026, 3, 29, 3, 0, 2), release);
        Assert.Equal(Utc(2026, 3, 29, 1, 0), release);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(2, 1)]
    [InlineData(2, 15)]
    [InlineData(2, 30)]
    [InlineData(2, 59)]
    public void Any_time_skipped_by_spring_forward_is_the_first_instant_after_the_gap(int hour, int minute)
    {
        var instant = ZonedTime.At(new DateOnly(2026, 3, 29), new TimeOnly(hour, minute), Berlin);

        Assert.Equal(Local(2026, 3, 29, 3, 0, 2), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Fact]
    public void A_night_across_spring_forward_ends_at_seven_summer_time_an_hour_shorter()
    {
        var at = Utc(2026, 3, 28, 21, 0); // 22:00 CET

        var release = Night.ReleaseAt(at, Berlin);

        Assert.Equal(Local(2026, 3, 29, 7, 0, 2), release);
        Assert.Equal(TimeSpan.FromHours(8), release - at);
    }

    [Fact]
    public void A_time_repeated_by_fall_back_is_its_first_occurrence()
    {
        var instant = ZonedTime.At(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), Berlin);

        Assert.Equal(Local(2026, 10, 25, 2, 30, 2), instant);
        Assert.Equal(Utc(2026, 10, 25, 0, 30), instant);
    }

    [Fact]
    public void A_window_ending_in_the_repeated_hour_releases_at_its_first_occurrence()
    {
        var early = new QuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30));
        var at = Utc(2026, 10, 24, 21, 0); // 23:00 CEST

        Assert.Equal(Local(2026, 10, 25, 2, 30, 2), early.ReleaseAt(at, Berlin));
    }

    [Fact]
    public void A_time_on_the_second_pass_of_the_repeated_hour_is_released_at_the_ends_second_pass_not_in_the_past()
    {
        var early = new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 30));
        var at = Utc(2026, 10, 25, 1, 10); // 02:10 CET, the second 02:10 of the night

        var release = early.ReleaseAt(at, Berlin);

        Assert.Equal(Local(2026, 10, 25, 2, 30, 1), release);
        Assert.True(release > at);
    }

    [Fact]
    public void A_night_across_fall_back_ends_at_seven_winter_time_an_hour_longer()
    {
        var at = Utc(2026, 10, 24, 20, 0); // 22:00 CEST

        var release = Night.ReleaseAt(at, Berlin);

        Assert.Equal(Local(2026, 10, 25, 7, 0, 1), release);
        Assert.Equal(TimeSpan.FromHours(10), release - at);
    }

    [Fact]
    public void New_York_holds_by_its_own_clock_in_winter_and_summer()
    {
        Assert.Equal(Local(2026, 1, 16, 7, 0, -5), Night.ReleaseAt(Utc(2026, 1, 16, 4, 0), NewYork)); // 23:00 EST
        Assert.Equal(Local(2026, 7, 16, 7, 0, -4), Night.ReleaseAt(Utc(2026, 7, 16, 3, 0), NewYork)); // 23:00 EDT
        Assert.Null(Night.ReleaseAt(Utc(2026, 7, 16, 21, 0), NewYork)); // 17:00 EDT
    }

    [Fact]
    public void New_York_spring_forward_and_fall_back_follow_the_same_rules()
    {
        Assert.Equal(Utc(2026, 3, 8, 7, 0), ZonedTime.At(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork)); // 03:00 EDT
        Assert.Equal(Local(2026, 11, 1, 1, 30, -4), ZonedTime.At(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));
        Assert.Equal(Local(2026, 11, 1, 1, 30, -5), ZonedTime.Later(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));
        Assert.Equal(Local(2026, 3, 8, 7, 0, -4), Night.ReleaseAt(Utc(2026, 3, 8, 3, 0), NewYork)); // 22:00 EST the night before
    }

    [Fact]
    public void A_half_hour_gap_ends_where_that_zone_jumps()
    {
        // Lord Howe Island moves its clocks by 30 minutes: 02:00 becomes 02:30 on 4 October 2026.
        var lordHowe = ZonedTime.Find("Australia/Lord_Howe")!;

        Assert.Equal(Local(2026, 10, 4, 2, 30, 11), ZonedTime.At(new DateOnly(2026, 10, 4), new TimeOnly(2, 15), lordHowe));
    }

    [Fact]
    public void A_utc_window_is_plain_clock_arithmetic()
    {
        Assert.Equal(Utc(2026, 3, 29, 7, 0), Night.ReleaseAt(Utc(2026, 3, 29, 1, 0), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData(" America/New_York ", "America/New_York")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("UTC", "UTC")]
    [InlineData("Etc/GMT+5", "Etc/GMT+5")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    public void Known_iana_ids_are_found_under_their_own_name(string typed, string id)
    {
        Assert.Equal(id, ZonedTime.Find(typed)?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Berlin")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../../etc/passwd")]
    [InlineData("/usr/share/zoneinfo/Europe/Berlin")]
    [InlineData("Europe/../Europe/Berlin")]
    [InlineData("Europe/")]
    public void Unknown_ids_windows_names_and_paths_are_not_found(string? typed)
    {
        Assert.Null(ZonedTime.Find(typed));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));
}
