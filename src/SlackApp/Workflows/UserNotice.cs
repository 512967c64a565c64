using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;

namespace SlackApp.Workflows;

/// <summary>
/// Tells the person behind a request something only they see: an ephemeral reply through the
/// <c>response_url</c> (commands, message buttons), or a small modal where there is none (the Home tab).
/// </summary>
public static class UserNotice
{
    public static async Task SendAsync(SlackContext context, string mrkdwn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mrkdwn);
        if (context.ResponseUrl is not null)
        {
            await context.RespondAsync(ResponseUrlMessage.Ephemeral(new Message(mrkdwn)), cancellationToken);
        }
        else if (context.TriggerId is not null)
        {
            await context.Client.ViewsOpenAsync(context.TriggerId, Modal(mrkdwn), cancellationToken);
        }
        else if (context.UserId is not null)
        {
            var dm = await context.Client.ConversationsOpenAsync([context.UserId], cancellationToken);
            await context.Client.ChatPostEphemeralAsync(dm.Channel.Id, context.UserId, new Message(mrkdwn), cancellationToken);
        }
    }

    /// <summary>A modal that shows <paramref name="mrkdwn"/> and only closes.</summary>
    public static ModalView Modal(string mrkdwn, string title = "UserGems Signals") => new(new PlainText(title))
    {
        Close = new PlainText("OK"),
        Blocks = [new SectionBlock { Text = new MarkdownText(mrkdwn.Length <= 3000 ? mrkdwn : mrkdwn[..2999] + "…") }],
    };
}
