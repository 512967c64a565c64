using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;

namespace SlackApp.Notifications;

/// <summary>What the reader said in <see cref="NotRelevantModal"/>: the stored reason (wire and note) and whether to mute the account.</summary>
public sealed record NotRelevantAnswer(string? Reason, bool MuteAccount);

/// <summary>
/// "Not relevant", a short modal opened straight from the click (nothing read first: the trigger_id lives 3 s): an
/// optional reason and note, and "don't show me this account again". Build and Read mirror each other.
/// </summary>
public static class NotRelevantModal
{
    public const string CallbackId = "notification.not_relevant";
    public const string ReasonBlock = "not_relevant_reason";
    public const string NoteBlock = "not_relevant_note";
    public const string MuteBlock = "not_relevant_mute";
    public const string Mute = "mute";
    private const string Suffix = ".value";

    public static ModalView Build(ItemOfMessage target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new ModalView(new PlainText("Not relevant"))
        {
            CallbackId = CallbackId,
            PrivateMetadata = target.Write(),
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            Blocks =
            [
                new SectionBlock { Text = new PlainText("The notification will say it is not relevant. A reason is optional; it helps tune the workflows.") },
                new InputBlock(new PlainText("Why"), new RadioButtons([.. NotRelevantReasons.All.Select(r => new Option(new PlainText(r.Label), r.Wire))]) { ActionId = ReasonBlock + Suffix })
                {
                    BlockId = ReasonBlock,
                    Optional = true,
                },
                new InputBlock(new PlainText("Anything to add"), new PlainTextInput { ActionId = NoteBlock + Suffix, Multiline = true, MaxLength = NotRelevantReasons.MaxNoteLength })
                {
                    BlockId = NoteBlock,
                    Optional = true,
                },
                new InputBlock(new PlainText("This account"), new Checkboxes([new Option(new PlainText("Don't show me this account again"), Mute) { Description = new PlainText("No more DMs to you about it.") }]) { ActionId = MuteBlock + Suffix })
                {
                    BlockId = MuteBlock,
                    Optional = true,
                },
            ],
        };
    }

    public static NotRelevantAnswer Read(ViewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reason = state.GetSelectedOption(ReasonBlock, ReasonBlock + Suffix)?.Value;
        var note = state.GetText(NoteBlock, NoteBlock + Suffix);
        var mute = state.GetSelectedOptions(MuteBlock, MuteBlock + Suffix).Any(o => o.Value == Mute);
        return new NotRelevantAnswer(NotRelevantReasons.Write(reason, note), mute);
    }
}
