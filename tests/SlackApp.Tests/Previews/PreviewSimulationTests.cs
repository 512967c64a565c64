using SlackApp.Previews;
using SlackApp.Workflows;

namespace SlackApp.Tests.Previews;

/// <summary>What a draft would have sent, replayed over signals at known times on a UTC workspace clock.</summary>
public sealed class PreviewSimulationTests
{
    private static readonly DateTimeOffset To = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset From = To - RecentSignalRepository.Window;

    // A day of the window at a time of day: Day(1, 10, 5) is Oct 28 10:05 UTC.
    private static DateTimeOffset Day(int day, int hour, int minute = 0) => new(From.Date.AddDays(day).AddHours(hour).AddMinutes(minute), TimeSpan.Zero);

    private static PreviewSignal Signal(long row, DateTimeOffset at, string person = "Jane Doe", string title = "VP of Sales", SignalType type = SignalType.NewHire, string? owner = "ae@vendor.example") =>
        new(row, new Signal
        {
            Id = $"sig_{row}",
            Type = type,
            OccurredAt = at,
            Person = new SignalPerson { FullName = person, Title = title, Seniority = Seniority.Vp, Email = $"{person.Replace(' ', '.').ToLowerInvariant()}@acme.example" },
            Account = new SignalAccount { Name = "Acme Corp", Domain = "acme.example", Status = AccountStatus.ClosedLost, OwnerEmail = owner },
        }, at);

    private static Workflow Draft(WorkflowDelivery? delivery = null, WorkflowRecipients? recipients = null) => new()
    {
        TeamId = "T1",
        Name = "Execs",
        SignalTypes = [SignalType.NewHire],
        Recipients = recipients ?? new WorkflowRecipients { ChannelIds = ["C1"] },
        Delivery = delivery ?? new WorkflowDelivery { DuplicateWindow = null },
    };

    private static PreviewResult Run(Workflow draft, params PreviewSignal[] signals) =>
        PreviewSimulation.Run(draft, signals, TimeZoneInfo.Utc, From, To);

    [Fact]
    public void Counts_only_the_matching_signals_received_in_the_last_30_days()
    {
        var result = Run(
            Draft(),
            Signal(1, From.AddDays(-1), person: "Too Old"),
            Signal(2, Day(3, 10), person: "Ann Lee"),
            Signal(3, Day(4, 10), person: "Bo Diaz", type: SignalType.Promotion),
            Signal(4, Day(5, 10), person: "Cy Park"));

        Assert.Equal((3, 2), (result.SignalsConsidered, result.Matched));
    }

    [Fact]
    public void Instant_sends_one_message_per_match_per_recipient()
    {
        var draft = Draft(recipients: new WorkflowRecipients { ChannelIds = ["C1", "C2"], UserIds = ["U1"] });

        var result = Run(draft, Signal(1, Day(1, 9), "Ann Lee"), Signal(2, Day(1, 9, 1), "Bo Diaz"), Signal(3, Day(2, 9), "Cy Park"));

        Assert.Equal((9, 9), (result.Items, result.Messages));
    }

    [Fact]
    public void The_duplicate_window_leaves_out_the_same_news_about_the_same_person_to_the_same_recipient()
    {
        var draft = Draft(new WorkflowDelivery { DuplicateWindow = TimeSpan.FromDays(7) });

        var result = Run(
            draft,
            Signal(1, Day(1, 9), "Ann Lee"),
            Signal(2, Day(3, 9), "Ann Lee"), // the same news two days on: left out
            Signal(3, Day(3, 10), "Bo Diaz"), // someone else
            Signal(4, Day(4, 9), "Ann Lee", title: "SVP of Sales"), // a new title is news
            Signal(5, Day(20, 9), "Bo Diaz")); // the window has passed

        Assert.Equal((5, 1, 4), (result.Items, result.SuppressedDuplicates, result.Messages));
    }

    [Fact]
    public void Items_beyond_the_daily_cap_roll_into_one_next_day_digest_per_recipient()
    {
        var draft = Draft(new WorkflowDelivery { DuplicateWindow = null, DailyCap = 2 }, new WorkflowRecipients { ChannelIds = ["C1", "C2"] });
        string[] people = ["Ann Lee", "Bo Diaz", "Cy Park", "Di Moss", "Ed Wong"];

        var result = Run(draft, [.. people.Select((p, i) => Signal(i + 1, Day(1, 9 + i), p)), Signal(6, Day(2, 15), "Fay Ito")]);

        // Per channel: 2 at once on day 1, the 3 others in one digest on day 2, and day 2's own match.
        Assert.Equal((12, 6, 8), (result.Items, result.OverDailyCap, result.Messages));
    }

    [Fact]
    public void Counts_one_digest_per_interval_that_had_matches()
    {
        var draft = Draft(new WorkflowDelivery { Mode = DeliveryMode.Digest, DigestEvery = TimeSpan.FromHours(1), DuplicateWindow = null }, new WorkflowRecipients { ChannelIds = ["C1", "C2"] });

        var result = Run(
            draft,
            Signal(1, Day(1, 10, 5), "Ann Lee"),
            Signal(2, Day(1, 10, 20), "Bo Diaz"),
            Signal(3, Day(1, 10, 50), "Cy Park"),
            Signal(4, Day(1, 13, 30), "Di Moss"),
            Signal(5, Day(2, 10, 10), "Ed Wong"));

        Assert.Equal((10, 6), (result.Items, result.Messages));
    }

    [Fact]
    public void Counts_one_daily_digest_per_recipient_per_day_that_had_matches()
    {
        var draft = Draft(new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(9, 0), DuplicateWindow = null });

        var result = Run(
            draft,
            Signal(1, Day(1, 10), "Ann Lee"),
            Signal(2, Day(1, 15), "Bo Diaz"),
            Signal(3, Day(2, 8), "Cy Park"), // before 9:00: in the same digest as the day before's
            Signal(4, Day(5, 11), "Di Moss"));

        Assert.Equal((4, 2), (result.Items, result.Messages));
    }

    [Fact]
    public void A_daily_digest_follows_the_workspace_clock()
    {
        var draft = Draft(new WorkflowDelivery { Mode = DeliveryMode.DailyDigest, DailyAt = new TimeOnly(9, 0), DuplicateWindow = null });
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        PreviewSignal[] signals = [Signal(1, Day(1, 8), "Ann Lee"), Signal(2, Day(1, 10), "Bo Diaz")];

        // 08:00 and 10:00 UTC fall either side of 09:00 UTC, but are 17:00 and 19:00 in Tokyo: one digest there, next morning.
        Assert.Equal(2, PreviewSimulation.Run(draft, signals, TimeZoneInfo.Utc, From, To).Messages);
        Assert.Equal(1, PreviewSimulation.Run(draft, signals, tokyo, From, To).Messages);
    }

    [Fact]
    public void No_signals_count_nothing_and_give_no_examples()
    {
        var result = Run(Draft());

        Assert.Equal((0, 0, 0, 0), (result.SignalsConsidered, result.Matched, result.Items, result.Messages));
        Assert.Empty(result.Examples);
    }

    [Fact]
    public void The_examples_are_the_three_latest_matches_newest_first()
    {
        var result = Run(
            Draft(),
            Signal(1, Day(1, 9), "Ann Lee"),
            Signal(5, Day(9, 9), "Ed Wong", type: SignalType.Promotion),
            Signal(2, Day(2, 9), "Bo Diaz"),
            Signal(4, Day(4, 9), "Di Moss"),
            Signal(3, Day(3, 9), "Cy Park"));

        Assert.Equal([4, 3, 2], result.Examples.Select(e => e.RowId));
    }

    [Fact]
    public void Role_DMs_reach_the_distinct_people_the_signals_name_and_the_rest_go_to_the_fallback()
    {
        var draft = Draft(recipients: new WorkflowRecipients { Roles = [AccountRole.Owner] });

        var result = Run(
            draft,
            Signal(1, Day(1, 9), "Ann Lee", owner: "ae@vendor.example"),
            Signal(2, Day(2, 9), "Bo Diaz", owner: "AE@vendor.example"),
            Signal(3, Day(3, 9), "Cy Park", owner: "other@vendor.example"),
            Signal(4, Day(4, 9), "Di Moss", owner: null));

        Assert.Equal((2, 1, 4), (result.RolePeople, result.MatchesWithoutRoleEmail, result.Messages));
    }

    [Fact]
    public void A_paused_draft_is_previewed_as_if_enabled()
    {
        var result = Run(Draft() with { Enabled = false }, Signal(1, Day(1, 9)));

        Assert.Equal((1, 1), (result.Matched, result.Messages));
    }
}
