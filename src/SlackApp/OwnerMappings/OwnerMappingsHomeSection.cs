using System.Globalization;
using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.OwnerMappings;

/// <summary>
/// The Home tab's owner mapping section, for admins: the unmatched emails seen on the most signals, with a menu to
/// map one, and the mappings, with a menu to remove one of the latest. Menus rather than a button per email keep
/// it to <see cref="BlockBudget"/> blocks, so the tab stays within Slack's 100.
/// </summary>
public sealed class OwnerMappingsHomeSection(OwnerMappingRepository mappings)
{
    /// <summary>The most blocks the section adds.</summary>
    public const int BlockBudget = 3;

    /// <summary>Unmatched emails and latest mappings shown.</summary>
    public const int Shown = 10;

    private const int EmailInText = 100;

    /// <summary>The section for <paramref name="access"/>'s person: empty unless they are an admin.</summary>
    public async Task<IReadOnlyList<Block>> BuildAsync(Workspace workspace, WorkflowAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.IsAdmin)
        {
            return [];
        }

        return Compose(
            await mappings.TopUnmatchedAsync(workspace, Shown, cancellationToken),
            await mappings.CountAsync(workspace, cancellationToken),
            await mappings.ListLatestAsync(workspace, Shown, cancellationToken));
    }

    /// <summary>The section's blocks. Pure.</summary>
    public static IReadOnlyList<Block> Compose(IReadOnlyList<UnmatchedOwnerEmail> unmatched, int mappingCount, IReadOnlyList<OwnerMapping> latest)
    {
        ArgumentNullException.ThrowIfNull(unmatched);
        ArgumentNullException.ThrowIfNull(latest);
        var top = unmatched.Take(Shown).ToList();
        var unmatchedText = top.Count == 0
            ? "*Unmatched owner emails* (admins only)\nNone: every owner email in recent signals found a Slack user."
            : "*Unmatched owner emails* (admins only)\nSlack knows nobody by these emails, so their signals went to a fallback channel. Map each to a Slack user:\n"
              + string.Join("\n", top.Select(u => $"• {UntrustedText.MrkdwnClipped(u.Email, EmailInText)} · {Signals(u.Count)}"));
        var blocks = new List<Block>
        {
            new DividerBlock(),
            new SectionBlock
            {
                BlockId = "home.owner_unmatched",
                Text = UntrustedText.Markdown(unmatchedText),
                Accessory = top.Count == 0 ? null : new StaticSelect
                {
                    ActionId = OwnerMappingActionIds.HomeMap,
                    Placeholder = new PlainText("Map an email"),
                    Options = [.. top.Select(u => new Option(new PlainText(OptionText(u.Email)), IdValue.Write(u.Id)))],
                },
            },
        };

        var shownMappings = latest.Take(Shown).ToList();
        var mappingsText = mappingCount == 0
            ? "*Owner mappings*: none yet."
            : $"*Owner mappings*: {mappingCount.ToString(CultureInfo.InvariantCulture)}. Latest:\n"
              + string.Join("\n", shownMappings.Select(m => $"• {UntrustedText.MrkdwnClipped(m.Email, EmailInText)} → <@{m.SlackUserId}>"));
        blocks.Add(new SectionBlock
        {
            BlockId = "home.owner_mappings",
            Text = UntrustedText.Markdown(mappingsText),
            Accessory = shownMappings.Count == 0 ? null : new StaticSelect
            {
                ActionId = OwnerMappingActionIds.HomeRemove,
                Placeholder = new PlainText("Remove a mapping"),
                Options = [.. shownMappings.Select(m => new Option(new PlainText(OptionText(m.Email)), IdValue.Write(m.Id)))],
                Confirm = new ConfirmationDialog(
                    new PlainText("Remove this mapping?"),
                    new PlainText("Later signals naming this email look it up in Slack again, and go to the fallback channel if nobody is found."),
                    new PlainText("Remove"),
                    new PlainText("Cancel"))
                {
                    Style = ButtonStyle.Danger,
                },
            },
        });
        return blocks;
    }

    private static string Signals(int count) => count == 1 ? "1 signal" : $"{count.ToString(CultureInfo.InvariantCulture)} signals";

    // Option text is plain text of at most 75 characters.
    private static string OptionText(string email) => UntrustedText.Truncate(UntrustedText.Line(email), 75);
}
