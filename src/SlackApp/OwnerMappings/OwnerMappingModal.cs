using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.SlackUx;

namespace SlackApp.OwnerMappings;

/// <summary>
/// The modal that maps one CRM email to a Slack user. Its private_metadata says where it was opened from (an item
/// or an unmatched email's row), only so the submission knows which row to read the email from again.
/// </summary>
public static class OwnerMappingModal
{
    public const string CallbackId = "owner_mapping.modal";
    public const string Title = "Map this owner";
    public const string UserBlock = "owner_mapping_user";
    public const string UserAction = "owner_mapping_user_select";

    private const int EmailShown = 200;

    public static ModalView Build(string email, MappingOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(origin);
        return new ModalView(new PlainText(Title))
        {
            CallbackId = CallbackId,
            PrivateMetadata = origin.Write(),
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            Blocks =
            [
                new SectionBlock
                {
                    Text = UntrustedText.Markdown(
                        $"Signals name *{UntrustedText.MrkdwnClipped(email, EmailShown)}*, but no active member of this Slack workspace has that email. " +
                        "Choose who it is: later signals DM them first, before looking the email up."),
                },
                new InputBlock(new PlainText("Slack user"), new UsersSelect { ActionId = UserAction, Placeholder = new PlainText("Choose a person") })
                {
                    BlockId = UserBlock,
                },
            ],
        };
    }

    /// <summary>The person chosen, or null.</summary>
    public static string? ReadUser(ViewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.GetUser(UserBlock, UserAction);
    }
}

/// <summary>Where a mapping modal was opened: a notification item, or a row of the Home tab's unmatched emails.</summary>
public sealed record MappingOrigin(MappingOriginKind Kind, long Id)
{
    public string Write() => $"{(Kind == MappingOriginKind.Item ? "item" : "unmatched")}:{IdValue.Write(Id)}";

    /// <summary>Reads <see cref="Write"/>; null for anything else.</summary>
    public static MappingOrigin? Read(string? metadata)
    {
        var parts = (metadata ?? string.Empty).Split(':', 2);
        if (parts.Length != 2 || IdValue.Read(parts[1]) is not { } id)
        {
            return null;
        }

        return parts[0] switch
        {
            "item" => new MappingOrigin(MappingOriginKind.Item, id),
            "unmatched" => new MappingOrigin(MappingOriginKind.Unmatched, id),
            _ => null,
        };
    }
}

/// <summary>What a <see cref="MappingOrigin"/>'s id names.</summary>
public enum MappingOriginKind
{
    Item,
    Unmatched,
}
