using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.Slack.WebApi;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.Previews;

/// <summary>
/// The workflow modal's Preview button: pushes the preview modal straight away with "counting" (the trigger_id
/// expires 3 s after the click), then reads the workspace's recent signals, replays them through the draft as the
/// modal holds it now, and updates the pushed view with the counts. The workspace is the verified request's.
/// </summary>
public sealed class PreviewButtonHandler(RecentSignalRepository signals, WorkspaceSettingsRepository settings, TimeProvider clock) : ISlackHandler<SlackActionRequest>
{
    public const string CouldNotOpen = "Slack took too long to open the preview, so it was not shown. Please press *Preview* again.";

    public const string TooManyWindows = "Slack could not open the preview on top of this window. Save or cancel, then open the workflow again to preview it.";

    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        var context = request.Context;
        if (request.Payload.View is not { CallbackId: WorkflowModal.CallbackId } modal)
        {
            // The action_id is only ever given to the workflow modal's button; anywhere else it has no draft to read.
            context.Logger.LogWarning("Preview clicked outside the workflow modal by {UserId} in {TeamId}", context.UserId, context.TeamId);
            return;
        }

        var workspace = context.Workspace();
        var draft = WorkflowModal.Read(modal.State, workspace.TeamId);
        if (await PushAsync(context, PreviewView.Counting(draft), cancellationToken) is not { } pushed)
        {
            return;
        }

        Slack.Blocks.View result;
        try
        {
            var to = clock.GetUtcNow();
            var from = to - RecentSignalRepository.Window;
            var recent = await signals.ListSinceAsync(workspace, from, cancellationToken);
            var zone = (await settings.GetAsync(workspace, cancellationToken)).ZoneOrUtc();
            result = PreviewView.Result(draft, PreviewSimulation.Run(draft, recent.Signals, zone, from, to, recent.Capped));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The person is looking at "counting": tell them rather than leave it spinning.
            context.Logger.LogError(e, "Preview of a workflow draft failed in {TeamId}", workspace.TeamId);
            result = PreviewView.Error();
        }

        try
        {
            await context.Client.ViewsUpdateAsync(pushed.Id, result, pushed.Hash, cancellationToken);
        }
        catch (SlackApiException e)
        {
            // Most often the person went Back (not_found) before the counts were ready; nothing is lost.
            context.Logger.LogInformation("Could not show the preview in view {ViewId} of {TeamId}: Slack answered {Error}", pushed.Id, workspace.TeamId, e.Error);
        }
    }

    private static async Task<PushedView?> PushAsync(SlackContext context, Slack.Blocks.View view, CancellationToken cancellationToken)
    {
        if (context.TriggerId is null)
        {
            await UserNotice.SendWithoutModalAsync(context, CouldNotOpen, cancellationToken);
            return null;
        }

        try
        {
            var pushed = await context.Client.ViewsPushAsync(context.TriggerId, view, cancellationToken);
            if (pushed.View.Id is { Length: > 0 } id)
            {
                return new PushedView(id, pushed.View.Hash);
            }

            context.Logger.LogWarning("views.push answered without a view id in {TeamId}", context.TeamId);
            return null;
        }
        catch (SlackApiException e) when (UserNotice.IsUnusableTrigger(e) || e.Error == "push_limit_reached")
        {
            context.Logger.LogWarning("Could not push the preview for {UserId} in {TeamId}: Slack answered {Error}", context.UserId, context.TeamId, e.Error);
            await UserNotice.SendWithoutModalAsync(context, e.Error == "push_limit_reached" ? TooManyWindows : CouldNotOpen, cancellationToken);
            return null;
        }
    }

    private sealed record PushedView(string Id, string? Hash);
}
