using System.Text.Json;
using SlackApp.Previews;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Json;
using SlackApp.Workflows;

namespace SlackApp.Tests.Previews;

/// <summary>The pushed preview modal: valid Block Kit in each state, plain about an empty window, escaping what sources sent.</summary>
public sealed class PreviewViewTests
{
    private static readonly DateTimeOffset To = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static readonly Workflow Draft = new()
    {
        TeamId = "T1",
        Name = "Execs <!channel>",
        SignalTypes = [SignalType.NewHire],
        Recipients = new WorkflowRecipients { ChannelIds = ["C1"], Roles = [AccountRole.Owner] },
        Delivery = new WorkflowDelivery { DailyCap = 2 },
    };

    private static PreviewResult Result(int considered = 40, bool capped = false, params PreviewSignal[] examples) => new()
    {
        From = To - RecentSignalRepository.Window,
        To = To,
        SignalsConsidered = considered,
        Capped = capped,
        Matched = examples.Length,
        Items = examples.Length * 2,
        Messages = 3,
        SuppressedDuplicates = 1,
        OverDailyCap = 1,
        RolePeople = 2,
        MatchesWithoutRoleEmail = 1,
        Examples = examples,
    };

    private static PreviewSignal Example(long row, string name) => new(row, new Signal
    {
        Id = $"sig_{row}",
        Type = SignalType.NewHire,
        OccurredAt = To,
        Person = new SignalPerson { FullName = name, Title = "VP of Sales" },
        Account = new SignalAccount { Name = "Acme *Corp*" },
    }, To.AddDays(-row));

    private static string Json(View view) => JsonSerializer.Serialize(view, SlackJson.Options);

    [Fact]
    public void Counting_is_a_valid_modal_that_only_goes_back()
    {
        var view = PreviewView.Counting(Draft);

        Assert.Empty(BlockKitValidator.Validate(view));
        Assert.Null(view.Submit);
        Assert.Equal("Back", view.Close!.Text);
        Assert.Contains("Counting", Json(view), StringComparison.Ordinal);
    }

    [Fact]
    public void The_counts_are_a_valid_modal_naming_matches_messages_recipients_and_examples()
    {
        var view = PreviewView.Result(Draft, Result(40, false, Example(1, "Jane <@U1> Doe"), Example(2, "Bo Diaz"), Example(3, "Cy Park")));

        Assert.Empty(BlockKitValidator.Validate(view));
        var json = Json(view);
        Assert.Contains("*3 signals* of the 40 received", json, StringComparison.Ordinal);
        Assert.Contains("about *3 Slack messages* sent as signals arrive", json, StringComparison.Ordinal);
        Assert.Contains("beyond the daily cap of 2", json, StringComparison.Ordinal);
        Assert.Contains("DM account owner, <#C1>", json, StringComparison.Ordinal);
        Assert.Contains("2 people named on the accounts", json, StringComparison.Ordinal);
        Assert.Contains("Bo Diaz", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U1>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.Null(view.Submit);
    }

    [Fact]
    public void No_signals_in_the_window_is_said_plainly()
    {
        var view = PreviewView.Result(Draft, Result(considered: 0));

        Assert.Empty(BlockKitValidator.Validate(view));
        Assert.Contains("No signals were received in the last 30 days", Json(view), StringComparison.Ordinal);
    }

    [Fact]
    public void A_capped_read_says_only_the_newest_signals_were_counted()
    {
        var view = PreviewView.Result(Draft, Result(5000, capped: true, Example(1, "Jane Doe")));

        Assert.Empty(BlockKitValidator.Validate(view));
        Assert.Contains("Counted the newest 5,000 signals", Json(view), StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_without_a_signal_type_asks_for_one()
    {
        var view = PreviewView.Result(Draft with { SignalTypes = [] }, Result());

        Assert.Contains("Choose at least one signal type", Json(view), StringComparison.Ordinal);
    }
}
