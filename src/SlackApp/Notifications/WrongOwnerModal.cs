using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;

namespace SlackApp.Notifications;

/// <summary>What was said in <see cref="WrongOwnerModal"/>: the person chosen (null when none) and why (optional).</summary>
public sealed record WrongOwnerAnswer(string? UserId, string? Reason);

/// <summary>
/// "Wrong owner", a short modal opened straight from the click (nothing read first: the trigger_id lives 3 s): who
/// owns the account, and an optional why. Build and Read mirror each other.
/// </summary>
public static class WrongOwnerModal
{
    public const string CallbackId = "notification.wrong_owner";
    public const string Title = "Wrong owner";
    public const string UserBlock = "wrong_owner_user";
    public const string ReasonBlock = "wrong_owner_reason";
    public const int MaxReasonLength = 300;
    private const string Suffix = ".value";

    public static ModalView Build(ItemOfMessage target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new ModalView(new PlainText(Title))
        {
            CallbackId = CallbackId,
            PrivateMetadata = target.Write(),
            Submit = new PlainText("Forward"),
            Close = new PlainText("Cancel"),
            Blocks =
            [
                new InputBlock(new PlainText("Who owns this account?"), new UsersSelect { ActionId = UserBlock + Suffix, Placeholder = new PlainText("Choose a person") })
                {
                    BlockId = UserBlock,
                },
                new InputBlock(new PlainText("Why"), new PlainTextInput { ActionId = ReasonBlock + Suffix, MaxLength = MaxReasonLength })
                {
                    BlockId = ReasonBlock,
                    Optional = true,
                },
                new ContextBlock([new PlainText("They get this notification as a DM saying you forwarded it. The correction is remembered: later signals for this account's role go to them.")]),
            ],
        };
    }

    public static WrongOwnerAnswer Read(ViewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var reason = state.GetText(ReasonBlock, ReasonBlock + Suffix)?.Trim();
        return new WrongOwnerAnswer(state.GetUser(UserBlock, UserBlock + Suffix), string.IsNullOrEmpty(reason) ? null : reason[..Math.Min(reason.Length, MaxReasonLength)]);
    }
}
