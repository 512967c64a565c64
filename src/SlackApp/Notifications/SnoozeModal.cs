using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;

namespace SlackApp.Notifications;

/// <summary>How long a person puts a signal off: a day, three, a week, or until a date (09:00 there, in their own zone).</summary>
public sealed record SnoozeChoice(TimeSpan? For, DateOnly? OnDate)
{
    public static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    public static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);
    public static readonly TimeSpan OneWeek = TimeSpan.FromDays(7);

    /// <summary>A date's reminder comes at the start of that working day, in the reader's time zone.</summary>
    public static readonly TimeOnly DateTime = new(9, 0);
}

/// <summary>What the snooze form said: the choice, or the problem and the block to show it on.</summary>
public sealed record SnoozePick(SnoozeChoice? Choice, string? ProblemBlock = null, string? Problem = null);

/// <summary>
/// "Snooze…", a short modal opened straight from the click: 1 day, 3 days, 1 week or a date. Build and Read mirror
/// each other; a date must be chosen with "On a date" and lie ahead (the caller checks "ahead" in the reader's zone).
/// </summary>
public static class SnoozeModal
{
    public const string CallbackId = "notification.snooze";
    public const string ForBlock = "snooze_for";
    public const string DateBlock = "snooze_date";
    public const string OnDate = "date";
    private const string Suffix = ".value";

    private static readonly (string Value, string Label, TimeSpan? For)[] Choices =
    [
        ("1d", "1 day", SnoozeChoice.OneDay),
        ("3d", "3 days", SnoozeChoice.ThreeDays),
        ("1w", "1 week", SnoozeChoice.OneWeek),
        (OnDate, "On a date…", null),
    ];

    public static ModalView Build(ItemOfMessage target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var options = Choices.Select(c => new Option(new PlainText(c.Label), c.Value)).ToList();
        return new ModalView(new PlainText("Snooze"))
        {
            CallbackId = CallbackId,
            PrivateMetadata = target.Write(),
            Submit = new PlainText("Snooze"),
            Close = new PlainText("Cancel"),
            Blocks =
            [
                new SectionBlock { Text = new PlainText("It leaves your view now and comes back to you as a DM then, with its buttons.") },
                new InputBlock(new PlainText("Remind me in"), new RadioButtons(options) { ActionId = ForBlock + Suffix, InitialOption = options[0] }) { BlockId = ForBlock },
                new InputBlock(new PlainText("Date"), new DatePicker { ActionId = DateBlock + Suffix, Placeholder = new PlainText("For \"On a date…\"") })
                {
                    BlockId = DateBlock,
                    Optional = true,
                    Hint = new PlainText("At 09:00 that day, in your own time zone."),
                },
            ],
        };
    }

    public static SnoozePick Read(ViewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var picked = state.GetSelectedOption(ForBlock, ForBlock + Suffix)?.Value;
        if (picked == OnDate)
        {
            return state.GetDate(DateBlock, DateBlock + Suffix) is { } date
                ? new SnoozePick(new SnoozeChoice(null, date))
                : new SnoozePick(null, DateBlock, "Pick the date to be reminded on.");
        }

        return Choices.FirstOrDefault(c => c.Value == picked) is { For: { } span }
            ? new SnoozePick(new SnoozeChoice(span, null))
            : new SnoozePick(null, ForBlock, "Choose when to be reminded.");
    }
}
