using System.Globalization;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;

namespace SlackApp.Home;

/// <summary>
/// The "from" and "to" timepickers of quiet hours, shared by the workspace settings and a person's own modal, and
/// how they are read: both set is a window, both empty is none, anything else is refused on its field.
/// </summary>
public static class QuietHoursPickers
{
    public const string ActionSuffix = ".value";
    public const string BothOrNeither = "Pick an end time too, or clear the start: quiet hours need both (leave both empty for none).";
    public const string StartMissing = "Pick a start time too, or clear the end: quiet hours need both (leave both empty for none).";
    public const string SameTimes = "The end must differ from the start. A window may cross midnight, e.g. 22:00 to 07:00.";

    private const string TimeFormat = "HH:mm";

    /// <summary>Two optional input blocks, <paramref name="startBlock"/> then <paramref name="endBlock"/>, filled with <paramref name="hours"/>.</summary>
    public static IReadOnlyList<Block> Build(string startBlock, string endBlock, QuietHours? hours, string startHint, string endHint) =>
    [
        new InputBlock(new PlainText("Quiet hours start"), new TimePicker
        {
            ActionId = startBlock + ActionSuffix,
            InitialTime = hours is null ? null : Format(hours.Start),
            Placeholder = hours is null ? new PlainText("e.g. 22:00") : null,
        })
        {
            BlockId = startBlock,
            Optional = true,
            Hint = new PlainText(startHint),
        },
        new InputBlock(new PlainText("Quiet hours end"), new TimePicker
        {
            ActionId = endBlock + ActionSuffix,
            InitialTime = hours is null ? null : Format(hours.End),
            Placeholder = hours is null ? new PlainText("e.g. 07:00") : null,
        })
        {
            BlockId = endBlock,
            Optional = true,
            Hint = new PlainText(endHint),
        },
    ];

    /// <summary>
    /// The window picked: null with no problem when both are empty; a problem keyed by the block to show it on when
    /// only one is set or both are the same time.
    /// </summary>
    public static QuietHoursPick Read(ViewState state, string startBlock, string endBlock)
    {
        ArgumentNullException.ThrowIfNull(state);
        var start = state.GetTime(startBlock, startBlock + ActionSuffix);
        var end = state.GetTime(endBlock, endBlock + ActionSuffix);
        return (start, end) switch
        {
            (null, null) => new QuietHoursPick(null, null, null),
            ({ }, null) => new QuietHoursPick(null, endBlock, BothOrNeither),
            (null, { }) => new QuietHoursPick(null, startBlock, StartMissing),
            ({ } s, { } e) when s == e => new QuietHoursPick(null, endBlock, SameTimes),
            ({ } s, { } e) => new QuietHoursPick(new QuietHours(s, e), null, null),
        };
    }

    /// <summary>"22:00–07:00", as people read a window.</summary>
    public static string Describe(QuietHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return $"{Format(hours.Start)}–{Format(hours.End)}";
    }

    private static string Format(TimeOnly time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);
}

/// <summary>What the quiet-hours pickers held: a window (or none), or a problem to show on <see cref="ProblemBlock"/>.</summary>
public sealed record QuietHoursPick(QuietHours? Hours, string? ProblemBlock, string? Problem);
