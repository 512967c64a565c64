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

    public const string InvalidUrl = "Enter an https:// address, e.g. https://acme.lightning.force.com";

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
                Placeholder = new PlainText("https://acme.lightning.force.com"),
            })
            {
                BlockId = SalesforceBlock,
                Optional = true,
                Hint = new PlainText("Makes \"Open in Salesforce\" links in notifications."),
            },
            new InputBlock(new PlainText("Default fallback channel"), new ConversationsSelect
            {
                ActionId = FallbackChannelBlock + ActionSuffix,
                InitialConversation = settings.FallbackChannelId,
                Filter = WorkflowModal.ChannelFilter,
                Placeholder = new PlainText("A channel"),
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
                Placeholder = new PlainText("People"),
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

    /// <summary>The URL as it is stored (no trailing slash), null when empty; false when it is not an https URL.</summary>
    public static bool TryReadSalesforceUrl(string? text, out string? url)
    {
        url = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        url = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return true;
    }

    public static string? Text(ViewState state, string blockId) => state.GetText(blockId, blockId + ActionSuffix);
}
