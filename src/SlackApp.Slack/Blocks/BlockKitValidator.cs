namespace SlackApp.Slack.Blocks;

/// <summary>
/// Checks messages and views against Slack's documented Block Kit limits (see <see cref="BlockKitLimits"/>)
/// and reports every violation, with a JSON path, instead of letting Slack answer <c>invalid_blocks</c>.
/// </summary>
public static class BlockKitValidator
{
    /// <summary>Every violation in a message (fallback text and blocks).</summary>
    public static IReadOnlyList<BlockKitViolation> Validate(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var walk = new BlockKitWalk();
        if (string.IsNullOrWhiteSpace(message.Text))
        {
            // Slack uses it for notifications and screen readers when blocks are present.
            walk.Add("$.text", "fallback text must not be empty");
        }

        walk.Blocks("$.blocks", message.Blocks ?? [], BlockSurface.Message);
        return walk.Violations;
    }

    /// <summary>Every violation in a modal or Home tab view.</summary>
    public static IReadOnlyList<BlockKitViolation> Validate(View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var walk = new BlockKitWalk();
        var surface = view is ModalView ? BlockSurface.Modal : BlockSurface.Home;
        walk.Blocks("$.blocks", view.Blocks ?? [], surface);
        walk.MaxLength("$.callback_id", view.CallbackId, BlockKitLimits.CallbackId);
        walk.MaxLength("$.private_metadata", view.PrivateMetadata, BlockKitLimits.PrivateMetadata);
        walk.MaxLength("$.external_id", view.ExternalId, BlockKitLimits.ExternalId);

        if (view is ModalView modal)
        {
            walk.Text("$.title", modal.Title, BlockKitLimits.ModalTitle, plainOnly: true);
            walk.OptionalText("$.submit", modal.Submit, BlockKitLimits.ModalButton, plainOnly: true);
            walk.OptionalText("$.close", modal.Close, BlockKitLimits.ModalButton, plainOnly: true);
            if (modal.Submit is null && (modal.Blocks ?? []).Any(block => block is InputBlock))
            {
                walk.Add("$.submit", "a modal with input blocks needs a submit button");
            }
        }

        return walk.Violations;
    }

    /// <summary>Every violation in the options an app returns for an external select.</summary>
    public static IReadOnlyList<BlockKitViolation> Validate(OptionsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var walk = new BlockKitWalk();
        walk.SuggestedOptions("$", response.Options, response.OptionGroups);
        return walk.Violations;
    }

    /// <summary>Every violation in a list of blocks shown on <paramref name="surface"/>.</summary>
    public static IReadOnlyList<BlockKitViolation> Validate(IReadOnlyList<Block> blocks, BlockSurface surface)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var walk = new BlockKitWalk();
        walk.Blocks("$.blocks", blocks, surface);
        return walk.Violations;
    }
}
