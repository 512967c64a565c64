namespace SlackApp.Slack.Blocks;

/// <summary>Where blocks are shown; limits differ per surface.</summary>
public enum BlockSurface
{
    /// <summary>A message (chat.postMessage, chat.update, response_url...): at most 50 blocks.</summary>
    Message,

    /// <summary>A modal view: at most 100 blocks.</summary>
    Modal,

    /// <summary>The App Home tab: at most 100 blocks.</summary>
    Home,
}
