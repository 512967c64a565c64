using SlackApp.Slack.Blocks;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;

namespace SlackApp.SlackUx;

/// <summary>
/// A modal opened with the request's trigger_id before any slow work (the trigger_id expires 3 s after the
/// click), whose content is then filled in with <c>views.update</c> once rights are checked and data is read.
/// </summary>
public sealed class OpenedModal
{
    public const string TriggerGone = "Slack took too long to open the window, so it was not shown. Please try again.";

    private readonly SlackContext _context;

    private OpenedModal(SlackContext context, string viewId)
    {
        _context = context;
        ViewId = viewId;
    }

    /// <summary>The id Slack gave the opened view, the one <see cref="ShowAsync"/> updates.</summary>
    public string ViewId { get; }

    /// <summary>
    /// Opens <paramref name="view"/> straight away, or tells the person (ephemerally, without a modal) that it
    /// could not be opened and returns null: then nothing that the modal was to show must be done.
    /// </summary>
    public static async Task<OpenedModal?> OpenAsync(SlackContext context, View view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(view);
        if (context.TriggerId is null)
        {
            await UserNotice.SendWithoutModalAsync(context, "Slack sent no trigger to open the window with; please try again.", cancellationToken);
            return null;
        }

        try
        {
            var opened = await context.Client.ViewsOpenAsync(context.TriggerId, view, cancellationToken);
            if (opened.View.Id is { Length: > 0 } id)
            {
                return new OpenedModal(context, id);
            }

            context.Logger.LogWarning("views.open answered without a view id in {TeamId}", context.TeamId);
            return null;
        }
        catch (SlackApiException e) when (UserNotice.IsUnusableTrigger(e))
        {
            context.Logger.LogWarning("Could not open a modal for {UserId} in {TeamId}: Slack answered {Error}", context.UserId, context.TeamId, e.Error);
            await UserNotice.SendWithoutModalAsync(context, TriggerGone, cancellationToken);
            return null;
        }
    }

    /// <summary>A modal that says its content is on the way, opened while rights are checked and data is read.</summary>
    public static ModalView Loading(string title) => new(new PlainText(title))
    {
        Close = new PlainText("Close"),
        Blocks = [new SectionBlock { Text = new PlainText("Loading…") }],
    };

    /// <summary>Replaces the opened modal's content; false (logged) when Slack refused, e.g. because the person closed it.</summary>
    public async Task<bool> ShowAsync(View view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        try
        {
            await _context.Client.ViewsUpdateAsync(ViewId, view, cancellationToken: cancellationToken);
            return true;
        }
        catch (SlackApiException e)
        {
            _context.Logger.LogWarning(e, "Could not update modal {ViewId} for {UserId} in {TeamId}", ViewId, _context.UserId, _context.TeamId);
            return false;
        }
    }

    /// <summary>Replaces the opened modal's content with <paramref name="mrkdwn"/> (a refusal, a not-found).</summary>
    public Task<bool> ShowNoticeAsync(string mrkdwn, CancellationToken cancellationToken) => ShowAsync(UserNotice.Modal(mrkdwn), cancellationToken);
}
