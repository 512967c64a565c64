using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.SlackUx;
using SlackApp.Workflows;

namespace SlackApp.OwnerMappings;

/// <summary>
/// Saves the mapping modal (the guard let only admins and managers submit it). The email is read again from the row
/// the modal names, in the verified workspace, never from the modal itself: another workspace's id finds nothing.
/// A mapping from a notification also DMs the mapped person that notification.
/// </summary>
public sealed class OwnerMappingSubmission(OwnerMappingRepository mappings, IOwnerMappingItems items, IWorkflowChangeObserver observer)
    : ISlackHandler<SlackViewSubmissionRequest>
{
    public const string NotFoundText = "This owner email could not be found here. It may have been mapped already.";

    public async Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        var workspace = context.Workspace();
        var origin = MappingOrigin.Read(request.Payload.View.PrivateMetadata);
        var email = origin?.Kind switch
        {
            MappingOriginKind.Item => await items.UnmatchedEmailAsync(workspace, origin.Id, cancellationToken),
            MappingOriginKind.Unmatched => (await mappings.GetUnmatchedAsync(workspace, origin.Id, cancellationToken))?.Email,
            _ => null,
        };
        if (origin is null || email is null)
        {
            request.AckWithUpdate(UserNotice.Modal(NotFoundText));
            return;
        }

        if (OwnerMappingModal.ReadUser(request.State) is not { Length: > 0 } userId)
        {
            request.AckWithErrors(new Dictionary<string, string> { [OwnerMappingModal.UserBlock] = "Choose who this email belongs to." });
            return;
        }

        await mappings.SaveAsync(workspace, email, userId, context.RequiredUserId(), cancellationToken);
        request.AckWithUpdate(UserNotice.Modal(
            $"Mapped *{UntrustedText.MrkdwnClipped(email, 200)}* to <@{userId}>. Later signals naming this email DM them.",
            OwnerMappingModal.Title));
        if (origin.Kind == MappingOriginKind.Item)
        {
            await items.RerouteAsync(workspace, origin.Id, userId, cancellationToken);
        }

        await observer.WorkflowsChangedAsync(context, cancellationToken);
    }
}
