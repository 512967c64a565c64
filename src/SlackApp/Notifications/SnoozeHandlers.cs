using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>A notification's "Snooze…" button: opens the modal straight away.</summary>
public sealed class SnoozeButtonHandler : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        await Snoozes.OpenAsync(request, IdValue.Read(request.Action), cancellationToken);
    }
}

/// <summary>The "Snooze" modal's submit.</summary>
public sealed class SnoozeSubmission(Snoozes snoozes) : ISlackHandler<SlackViewSubmissionRequest>
{
    public Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken) => snoozes.SubmitAsync(request, cancellationToken);
}
