using SlackApp.Slack.Blocks;

namespace SlackApp.Welcome;

/// <summary>
/// The first message a person finds in the app's Messages tab: what the app does, the commands, and a button to the
/// Home tab. The tab is read-only (see the manifest), so the message says where to type instead.
/// </summary>
public static class WelcomeMessage
{
    public const string OpenHomeActionId = "welcome.open_home";

    public const string Text = "Welcome to UserGems Signals: notifications about your accounts arrive here. Type /usergems workflow help in any channel for the commands.";

    /// <summary>The welcome for workspace <paramref name="teamId"/>; without <paramref name="appId"/> it has no Home tab button.</summary>
    public static Message Compose(string teamId, string? appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        List<Block> blocks =
        [
            new SectionBlock
            {
                Text = new MarkdownText(
                    "*Welcome to UserGems Signals* :wave:\n" +
                    "I tell you here, in Slack, when something happens at your accounts: a new executive joins a Closed Lost account, " +
                    "a Director+ is promoted at a customer, a past champion starts somewhere new. Notifications meant for you arrive in this tab."),
            },
            new SectionBlock
            {
                Text = new MarkdownText(
                    "*Commands* — type them in any channel:\n" +
                    "• `/usergems workflow list` — the workflows of this workspace\n" +
                    "• `/usergems workflow create` — choose which signals reach which people and channels\n" +
                    "• `/usergems workflow test NAME` — send yourself a sample notification\n" +
                    "• `/usergems workflow help` — every command"),
            },
        ];
        if (!string.IsNullOrEmpty(appId))
        {
            blocks.Add(new ActionsBlock([new Button(new PlainText("Open the Home tab")) { ActionId = OpenHomeActionId, Url = HomeTabLink(teamId, appId), Style = ButtonStyle.Primary }])
            {
                BlockId = "welcome.links",
            });
        }

        blocks.Add(new ContextBlock([new MarkdownText("The Home tab shows the workspace's workflows, settings and recent notifications.")]));
        return new Message(Text, blocks);
    }

    /// <summary>Slack's deep link to the app's Home tab: <c>slack://app?team={team}&amp;id={app_id}&amp;tab=home</c>.</summary>
    public static string HomeTabLink(string teamId, string appId) =>
        $"slack://app?team={Uri.EscapeDataString(teamId)}&id={Uri.EscapeDataString(appId)}&tab=home";
}
