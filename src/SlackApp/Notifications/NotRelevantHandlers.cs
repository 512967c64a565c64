using SlackApp.Slack.Routing;
using SlackApp.SlackUx;

namespace SlackApp.Notifications;

/// <summary>A notification's "Not relevant" button: opens the modal straight away.</summary>
public sealed class NotRelevantButtonHandler : ISlackHandler<SlackActionRequest>
{
    public async Task HandleAsync(SlackActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Ack();
        await NotRelevantMarks.OpenAsync(request, IdValue.Read(request.Action), cancellationToken);
    }
}

/// <summary>The "Not relevant" modal's Save.</summary>
public sealed class NotRelevantSubmission(NotRelevantMarks marks) : ISlackHandler<SlackViewSubmissionRequest>
{
    public Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken) => marks.SubmitAsync(request, cancellationToken);
}
