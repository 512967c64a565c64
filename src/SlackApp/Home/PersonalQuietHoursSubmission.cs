using SlackApp.Installations;
using SlackApp.Slack.Routing;
using SlackApp.Workflows;

namespace SlackApp.Home;

/// <summary>
/// Saves a member's own quiet hours for the verified workspace and the person who submitted (never anyone named in
/// the payload); any member may. Only one time set, or the same time twice, is refused on its field.
/// </summary>
public sealed class PersonalQuietHoursSubmission(PersonSettingsRepository people, IWorkflowChangeObserver observer) : ISlackHandler<SlackViewSubmissionRequest>
{
    public async Task HandleAsync(SlackViewSubmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pick = PersonalQuietHoursModal.Read(request.State);
        if (pick is { ProblemBlock: { } block, Problem: { } problem })
        {
            request.AckWithErrors(new Dictionary<string, string>(StringComparer.Ordinal) { [block] = problem });
            return;
        }

        var context = request.Context;
        await people.SetQuietHoursAsync(context.Workspace(), context.RequiredUserId(), pick.Hours, cancellationToken);
        request.Ack();
        // Redraws their Home tab, which may show their quiet hours.
        await observer.WorkflowsChangedAsync(context, cancellationToken);
    }
}
