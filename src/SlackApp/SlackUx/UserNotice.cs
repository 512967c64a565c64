using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;

namespace SlackApp.SlackUx;

/// <summary>
/// Tells the person behind a request something only they see: an ephemeral reply through the
/// <c>response_url</c> (commands, message buttons), or a small modal where there is none (the Home tab),
/// or, when Slack no longer accepts the trigger_id, an ephemeral message in their DM with the app.
/// </summary>
public static class UserNotice
{
    public static async Task SendAsync(SlackContext context, string mrkdwn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mrkdwn);
        if (context.ResponseUrl is null && context.TriggerId is not null)
        {
            try
            {
                await context.Client.ViewsOpenAsync(context.TriggerId, Modal(mrkdwn), cancellationToken);
                return;
            }
            catch (SlackApiException e) when (IsUnusableTrigger(e))
            {
                // The trigger_id lives 3 s: after slow work the notice still reaches the person, in their DM.
                context.Logger.LogInformation("Trigger of {UserId} in {TeamId} no longer usable ({Error}); telling them in their DM", context.UserId, context.TeamId, e.Error);
            }
        }

        await SendWithoutModalAsync(context, mrkdwn, cancellationToken);
    }

    /// <summary>An ephemeral message through the <c>response_url</c>, else in the person's DM with the app; never a modal.</summary>
    public static async Task SendWithoutModalAsync(SlackContext context, string mrkdwn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mrkdwn);
        if (context.ResponseUrl is not null)
        {
            await context.RespondAsync(ResponseUrlMessage.Ephemeral(new Message(mrkdwn)), cancellationToken);
        }
        else if (context.UserId is not null)
        {
            var dm = await context.Client.ConversationsOpenAsync([context.UserId], cancellationToken);
            await context.Client.ChatPostEphemeralAsync(dm.Channel.Id, context.UserId, new Message(mrkdwn), cancellationToken);
        }
    }

    /// <summary>Whether <c>views.open</c> failed because the trigger_id expired, was used already or is not one.</summary>
    public static bool IsUnusableTrigger(SlackApiException exception) =>
        exception?.Error is "expired_trigger_id" or "exchanged_trigger_id" or "invalid_trigger_id";

    /// <summary>A modal that shows <paramref name="mrkdwn"/> and only closes.</summary>
    public static ModalView Modal(string mrkdwn, string title = "UserGems Signals") => new(new PlainText(title))
    {
        Close = new PlainText("OK"),
        Blocks = [new SectionBlock { Text = new MarkdownText(mrkdwn.Length <= 3000 ? mrkdwn : mrkdwn[..2999] + "…") }],
    };
}
