using SlackApp.Installations;
using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;

namespace SlackApp.Workflows;

/// <summary>
/// What a person is told after saving the workflow modal: an ephemeral line in the channel they asked for it in,
/// or, opened from the Home tab (no channel), a "saved" view in place of the form.
/// </summary>
public static class WorkflowSavedNotice
{
    /// <summary>The title of the view that replaces the form after a save from the Home tab.</summary>
    public const string Title = "Workflow saved";

    /// <summary>"Created *Name*: its summary. Whether it notifies." (mrkdwn; the name and summary are escaped).</summary>
    public static string Text(Workflow saved, bool created)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var what = created ? "Created" : "Saved";
        var state = saved.Enabled ? "It notifies as signals arrive." : "It is paused: it notifies nobody until resumed.";
        return $":white_check_mark: {what} *{UntrustedText.Mrkdwn(saved.Name)}*: {WorkflowSummary.Line(saved)}. {state}";
    }

    /// <summary>The view that replaces the form when there is no channel to answer in.</summary>
    public static ModalView View(string text) => UserNotice.Modal(text, Title);

    /// <summary>
    /// Posts <paramref name="text"/> ephemerally in <paramref name="origin"/> with the request's workspace token (so
    /// a channel id forged into private_metadata reaches no other workspace); where Slack refuses (the app or the
    /// person is not in the channel), the person's DM with the app gets it instead.
    /// </summary>
    public static async Task PostAsync(SlackContext context, WorkflowOrigin origin, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(origin);
        try
        {
            await context.Client.ChatPostEphemeralAsync(origin.Id, context.RequiredUserId(), new Message(text), cancellationToken);
        }
        catch (SlackApiException e)
        {
            context.Logger.LogInformation("Could not answer {UserId} in {ChannelId} of {TeamId} ({Error}); telling them in their DM", context.UserId, origin.Id, context.TeamId, e.Error);
            await UserNotice.SendWithoutModalAsync(context, text, cancellationToken);
        }
    }
}
