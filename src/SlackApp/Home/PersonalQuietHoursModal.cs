using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;

namespace SlackApp.Home;

/// <summary>
/// A member's own quiet hours, opened from the Home tab: two timepickers read in the person's own Slack time zone
/// (their profile's, so the window follows them when they travel). Both empty is none.
/// </summary>
public static class PersonalQuietHoursModal
{
    public const string CallbackId = "home.my_quiet_hours";
    public const string Title = "My quiet hours";
    public const string StartBlock = "my_quiet_hours_start";
    public const string EndBlock = "my_quiet_hours_end";
    public const string ZoneNote = "These times are in your own Slack time zone, the one in your profile, and follow it when it changes.";

    public static ModalView Build(QuietHours? hours)
    {
        var blocks = new List<Block>
        {
            new SectionBlock { Text = new PlainText("DMs from this app that arrive during your quiet hours are held and delivered together, in one message, when they end.") },
            new ContextBlock([new PlainText(ZoneNote)]),
        };
        blocks.AddRange(QuietHoursPickers.Build(
            StartBlock,
            EndBlock,
            hours,
            "Held DMs arrive together when your quiet hours end.",
            "May cross midnight (22:00 to 07:00). Leave both empty for no quiet hours of your own."));
        return new ModalView(new PlainText(Title))
        {
            CallbackId = CallbackId,
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            Blocks = blocks,
        };
    }

    /// <summary>The window submitted (null: none), or the problem and the block to show it on.</summary>
    public static QuietHoursPick Read(ViewState state) => QuietHoursPickers.Read(state, StartBlock, EndBlock);
}
