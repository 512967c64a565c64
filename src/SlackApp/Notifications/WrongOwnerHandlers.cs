using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>A DM's "Wrong owner" button: opens the modal straight away.</summary>
public sealed class WrongOwnerButtonHandler : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        await WrongOwners.OpenAsync(request, IdValue.Read(request.Action), cancellationToken);
    }
}

/// <summary>The "Wrong owner" modal's Forward.</summary>
public sealed class WrongOwnerSubmission(WrongOwners wrongOwners) : ISlackHandler<SlackViewSubmissionRequest>
{
    public Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken) => wrongOwners.SubmitAsync(request, cancellationToken);
}

/// <summary>Where "Wrong owner" meets Slack, added to the notification listeners in one line.</summary>
public static class WrongOwnerListeners
{
    public static SlackAppBuilder AddWrongOwnerListeners(this SlackAppBuilder slack)
    {
        ArgumentNullException.ThrowIfNull(slack);
        return slack
            .Action<WrongOwnerButtonHandler>(NotificationActions.WrongOwner)
            .View<WrongOwnerSubmission>(WrongOwnerModal.CallbackId);
    }
}
