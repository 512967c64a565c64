using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Payloads;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>The workspace settings modal: Salesforce base URL, default fallback channel, and (admins only) workflow managers.</summary>
public static class SettingsModal
{
    public const string CallbackId = "home.settings";
    public const string SalesforceBlock = "salesforce_base_url";
    public const string FallbackChannelBlock = "fallback_channel";
    public const string ManagersBlock = "managers";
    public const string ActionSuffix = ".value";

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
        };

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
}
