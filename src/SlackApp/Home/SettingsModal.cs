using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>
/// The workspace settings modal: Salesforce base URL, default fallback channel, time zone, quiet hours, and (admins
/// only) workflow managers. <see cref="Build"/> and the readers (<see cref="Text"/>,
/// <see cref="ReadNoiseControl"/>) mirror each other.
/// </summary>
public static class SettingsModal
{
    public const string CallbackId = "home.settings";
    public const string SalesforceBlock = "salesforce_base_url";
    public const string FallbackChannelBlock = "fallback_channel";
    public const string TimeZoneBlock = "time_zone";
    public const string QuietStartBlock = "quiet_hours_start";
    public const string QuietEndBlock = "quiet_hours_end";
    public const string HoldChannelsBlock = "quiet_hours_channels";
    public const string ManagersBlock = "managers";
    public const string ActionSuffix = ".value";
    public const string HoldChannelsValue = "hold_channels";

    public static ModalView Build(WorkspaceSettings settings, IReadOnlyList<string> managers, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(managers);
        var blocks = new List<Block>
        {
            new InputBlock(new PlainText("Salesforce base URL"), new PlainTextInput
            {
                ActionId = SalesforceBlock + ActionSuffix,
                InitialValue = settings.SalesforceBaseUrl,
                MaxLength = 500,
                Placeholder = settings.SalesforceBaseUrl is null ? new PlainText("https://acme.my.salesforce.com") : null,
            })
            {
                BlockId = SalesforceBlock,
                Optional = true,
                Hint = new PlainText("Makes \"Open in Salesforce\" links in notifications: your org's address on salesforce.com or force.com."),
            },
            new InputBlock(new PlainText("Default fallback channel"), new ConversationsSelect
            {
                ActionId = FallbackChannelBlock + ActionSuffix,
                InitialConversation = settings.FallbackChannelId,
                Filter = WorkflowModal.ChannelFilter,
                Placeholder = settings.FallbackChannelId is null ? new PlainText("A channel") : null,
            })
            {
                BlockId = FallbackChannelBlock,
                Optional = true,
                Hint = new PlainText("Where a DM goes when its person is not in Slack, unless the workflow names another channel."),
            },
            new InputBlock(new PlainText("Time zone"), new PlainTextInput
            {
                ActionId = TimeZoneBlock + ActionSuffix,
                InitialValue = settings.TimeZone,
                MaxLength = ZonedTime.MaxIdLength,
                Placeholder = settings.TimeZone is null ? new PlainText("Europe/Berlin") : null,
            })
            {
                BlockId = TimeZoneBlock,
                Optional = true,
                Hint = new PlainText("An IANA time zone such as Europe/Berlin or America/New_York; empty is UTC. Channel daily digests and the quiet hours below follow it."),
            },
        };

        blocks.AddRange(QuietHoursPickers.Build(
            QuietStartBlock,
            QuietEndBlock,
            settings.QuietHours,
            "DMs that fall inside quiet hours are held and delivered together, in one message, when they end. In the time zone above.",
            "May cross midnight (22:00 to 07:00). Leave both empty for no quiet hours; each person can also set their own from the Home tab."));
        var holdChannels = HoldChannelsOption();
        blocks.Add(new InputBlock(new PlainText("Channels during quiet hours"), new Checkboxes([holdChannels])
        {
            ActionId = HoldChannelsBlock + ActionSuffix,
            InitialOptions = settings.QuietHoursHoldChannels ? [holdChannels] : null,
        })
        {
            BlockId = HoldChannelsBlock,
            Optional = true,
            Hint = new PlainText("Off: only DMs are held, and channel posts go out as they come."),
        });

        if (isAdmin)
        {
            blocks.Add(new InputBlock(new PlainText("Workflow managers"), new MultiUsersSelect
            {
                ActionId = ManagersBlock + ActionSuffix,
                InitialUsers = managers.Count == 0 ? null : managers,
                Placeholder = managers.Count == 0 ? new PlainText("People") : null,
            })
            {
                BlockId = ManagersBlock,
                Optional = true,
                Hint = new PlainText("Besides admins and the installer, these people may change workflows and settings."),
            });
        }
        else
        {
            var names = managers.Count == 0 ? "none" : string.Join(", ", managers.Select(m => $"<@{m}>"));
            blocks.Add(new SectionBlock { BlockId = ManagersBlock, Text = new MarkdownText($"*Workflow managers:* {names}\n_Only admins and the installer can change them._") });
        }

        return new ModalView(new PlainText("Settings"))
        {
            CallbackId = CallbackId,
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            Blocks = blocks,
        };
    }

    public static string? Text(ViewState state, string blockId) => state.GetText(blockId, blockId + ActionSuffix);

    /// <summary>
    /// The noise-control fields as submitted, checked: the time zone as the id to store (null is UTC) and the quiet
    /// hours, or the problems keyed by the block to show each on.
    /// </summary>
    public static NoiseControlForm ReadNoiseControl(ViewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var typed = Text(state, TimeZoneBlock)?.Trim();
        string? timeZone = null;
        if (!string.IsNullOrEmpty(typed))
        {
            if (ZonedTime.Find(typed) is { } zone)
            {
                timeZone = zone.Id;
            }
            else
            {
                problems[TimeZoneBlock] = UnknownTimeZone(typed);
            }
        }

        var pick = QuietHoursPickers.Read(state, QuietStartBlock, QuietEndBlock);
        if (pick is { ProblemBlock: { } block, Problem: { } problem })
        {
            problems[block] = problem;
        }

        var holdChannels = state.GetSelectedOptions(HoldChannelsBlock, HoldChannelsBlock + ActionSuffix).Any(o => o.Value == HoldChannelsValue);
        return new NoiseControlForm(timeZone, pick.Hours, holdChannels, problems);
    }

    /// <summary>Why a typed time zone was refused, with an example of one that works.</summary>
    public static string UnknownTimeZone(string typed) =>
        $"\"{UntrustedText.Truncate(UntrustedText.Line(typed), ZonedTime.MaxIdLength)}\" is not a time zone known here. Use an IANA name such as Europe/Berlin or America/New_York, or leave it empty for UTC.";

    private static Option HoldChannelsOption() =>
        new(new PlainText("Hold channel posts too"), HoldChannelsValue) { Description = new PlainText("Channel posts wait for the end of quiet hours as DMs do.") };
}

/// <summary>The settings modal's time zone and quiet hours as submitted; <see cref="Problems"/> empty when they can be saved.</summary>
public sealed record NoiseControlForm(string? TimeZone, QuietHours? QuietHours, bool HoldChannels, IReadOnlyDictionary<string, string> Problems);
